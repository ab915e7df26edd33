using System.Text.RegularExpressions;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Reading;

/// <summary>
/// Reads a plain-text article. Leading metadata — a front-matter block, "Key: value" header lines, a "date 2025-11-24" prefix,
/// or a wire dateline ("BEIJING (Reuters) —") — is taken out of the body; the body is kept exactly as written.
/// </summary>
public static partial class TextArticleReader
{
    private static readonly Regex FrontMatter = FrontMatterPattern();
    private static readonly Regex HeaderLine = HeaderLinePattern();
    private static readonly Regex DatePrefix = DatePrefixPattern();
    private static readonly Regex Dateline = DatelinePattern();

    public static Article Parse(string id, string content, string? origin = null) => Parse(id, content, origin, out _);

    /// <summary>The article, and in <paramref name="dateError"/> why its "published" (or "date") header is no date, or null when it is one or there is none.</summary>
    public static Article Parse(string id, string content, string? origin, out string? dateError)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int body = 0;
        var fm = FrontMatter.Match(content);
        if (fm.Success)
        {
            foreach (Match h in HeaderLine.Matches(fm.Groups["block"].Value)) meta[Key(h.Groups["key"].Value)] = Unquote(h.Groups["value"].Value);
            body = fm.Index + fm.Length;
        }
        else
        {
            body = HeaderBlockEnd(content, meta);
        }
        var rest = content[body..];
        var prefix = DatePrefix.Match(rest);
        if (prefix.Success)
        {
            meta.TryAdd("published", prefix.Groups["date"].Value);
            body += prefix.Length;
            rest = content[body..];
        }
        body += DatelineLength(rest, meta);
        if (body > 0)
        {
            // The body starts at its first visible character; trailing text is kept as written.
            while (body < content.Length && char.IsWhiteSpace(content[body])) body++;
        }
        string text = content[body..];
        dateError = null;
        DateOnly? published = null;
        if (meta.TryGetValue("published", out var d) && !DateParsing.TryParsePublished(d, out published, out dateError)) published = null;
        if (published is null && dateError is null && meta.TryGetValue("datelineDate", out var dd) && DateParsing.TryParse(dd, out var date2)) published = date2;
        var extra = meta.Where(kv => kv.Key is not ("title" or "source" or "published" or "url" or "id")).ToDictionary(kv => kv.Key, kv => System.Text.Json.JsonSerializer.Serialize(kv.Value));
        return new Article
        {
            Id = meta.GetValueOrDefault("id") ?? id,
            Text = text,
            Title = meta.GetValueOrDefault("title"),
            Source = meta.GetValueOrDefault("source"),
            Url = meta.GetValueOrDefault("url"),
            Published = published,
            Origin = origin,
            Extra = extra,
        };
    }

    /// <summary>A wire dateline ("BEIJING, Nov 24 (Reuters) —") at the start of <paramref name="rest"/>: records it and returns its length (0 if none).</summary>
    private static int DatelineLength(string rest, Dictionary<string, string> meta)
    {
        var dl = Dateline.Match(rest);
        if (!dl.Success || dl.Groups["place"].Value.Length < 3) return 0;
        // An all-caps place alone is a dateline; a capitalised one needs an agency or a date to tell it from a sentence.
        if (!(dl.Groups["agency"].Success || dl.Groups["date"].Success || IsAllCaps(dl.Groups["place"].Value))) return 0;
        meta.TryAdd("dateline", dl.Groups["place"].Value);
        if (dl.Groups["agency"].Success) meta.TryAdd("source", dl.Groups["agency"].Value.Trim());
        if (dl.Groups["date"].Success) meta.TryAdd("datelineDate", dl.Groups["date"].Value);
        return dl.Length;
    }

    /// <summary>Header lines ("Title: …", "Date: …") at the very top, ended by a blank line; returns where the body starts (0 if none).</summary>
    private static int HeaderBlockEnd(string content, Dictionary<string, string> meta)
    {
        int pos = 0;
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (pos < content.Length)
        {
            int nl = content.IndexOf('\n', pos);
            string line = (nl < 0 ? content[pos..] : content[pos..nl]).TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (found.Count == 0) return 0;
                foreach (var kv in found) meta[kv.Key] = kv.Value;
                return nl < 0 ? content.Length : nl + 1;
            }
            var m = HeaderLine.Match(line);
            if (!m.Success || nl < 0) return 0;
            found[Key(m.Groups["key"].Value)] = Unquote(m.Groups["value"].Value);
            pos = nl + 1;
        }
        return 0;
    }

    private static string Key(string key) => key.ToLowerInvariant() switch
    {
        "headline" => "title",
        "outlet" or "publisher" => "source",
        "date" => "published",
        "link" => "url",
        "by" => "author",
        var k => k,
    };

    private static string Unquote(string v)
    {
        v = v.Trim();
        return v.Length >= 2 && (v[0] == '"' && v[^1] == '"' || v[0] == '\'' && v[^1] == '\'') ? v[1..^1] : v;
    }

    private static bool IsAllCaps(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    [GeneratedRegex(@"\A\s*---[ \t]*\r?\n(?<block>(?:[^\n]*\r?\n)*?)---[ \t]*(?:\r?\n|\z)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex FrontMatterPattern();

    [GeneratedRegex(@"^(?<key>title|headline|source|outlet|publisher|date|published|url|link|author|by|id)[ \t]*:[ \t]*(?<value>[^\r\n]*)$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex HeaderLinePattern();

    [GeneratedRegex(@"\A\s*(?:date|dated|published)[:\s]\s*(?<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?[ \t]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex DatePrefixPattern();

    [GeneratedRegex(@"\A\s*(?<place>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3})(?:,\s*(?<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?(?:,\s*(?<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?))?\s*(?:\((?<agency>[A-Za-z][A-Za-z .&]{1,30})\))?\s*[—–-]{1,2}\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Patterns.TimeoutMilliseconds)]
    private static partial Regex DatelinePattern();
}
