using System.Text.Json;
using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>A gold entity mention of ECB+: where it is in its document's text, what it says, its kind and its cross-document chain.</summary>
public sealed record GoldMention(string Document, int Topic, Span Span, string Text, string Kind, string Chain)
{
    /// <summary>The mention's head is a proper noun (by the annotation's part-of-speech column): a name, not "police" or "the man".</summary>
    public bool Proper { get; init; }
}

/// <summary>One ECB+ document as an article (its title line, then its text) with its gold entity mentions.</summary>
public sealed record EcbPlusDocument(Article Article, int Topic, IReadOnlyList<GoldMention> Mentions);

/// <summary>
/// Reads the raw ECB+ annotation (one folder per sub-topic: documents as JSON, tokens.conll, entity_mentions.json) and
/// places every gold mention on the document's text by aligning the CoNLL tokens to it. Mentions whose tokens cannot be
/// found in the text (URL lines the text leaves out) are dropped and counted.
/// </summary>
public static class EcbPlusCorpus
{
    /// <summary>Named participants: people, organisations and governments written as proper names, not pronouns or common nouns.</summary>
    public static bool IsNamedParticipant(GoldMention m) => m.Proper && m.Kind is "HUMAN_PART_PER" or "HUMAN_PART_ORG" or "HUMAN_PART_GPE";

    public static (IReadOnlyList<EcbPlusDocument> Documents, int Dropped) Read(string mentionsDir, Func<int, bool>? topics = null)
    {
        var documents = new List<EcbPlusDocument>();
        int dropped = 0;
        foreach (var sub in Directory.EnumerateDirectories(mentionsDir).Order(StringComparer.Ordinal))
        {
            string conll = Path.Combine(sub, "tokens.conll"), mentionsFile = Path.Combine(sub, "entity_mentions.json");
            if (!File.Exists(conll) || !File.Exists(mentionsFile)) continue;
            var tokens = ReadTokens(conll);
            var byDoc = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            using var json = JsonDocument.Parse(File.ReadAllBytes(mentionsFile));
            foreach (var m in json.RootElement.EnumerateArray())
            {
                string doc = m.GetProperty("doc_id").GetString()!;
                if (!byDoc.TryGetValue(doc, out var list)) byDoc[doc] = list = [];
                list.Add(m.Clone());
            }
            foreach (var file in Directory.EnumerateFiles(sub, "*.json").Where(f => Path.GetFileName(f) != "entity_mentions.json").Order(StringComparer.Ordinal))
            {
                string id = Path.GetFileNameWithoutExtension(file);
                int underscore = id.IndexOf('_');
                if (underscore <= 0 || !int.TryParse(id.AsSpan(0, underscore), out int topic)) continue;
                if (topics is not null && !topics(topic)) continue;
                using var docJson = JsonDocument.Parse(File.ReadAllBytes(file));
                string title = Str(docJson.RootElement, "title") ?? "", body = Str(docJson.RootElement, "text") ?? "";
                string text = title.Length > 0 ? title + "\n\n" + body : body;
                string key = ConllKey(id);
                var offsets = tokens.TryGetValue(key, out var t) ? Align(text, t) : [];
                var mentions = new List<GoldMention>();
                foreach (var m in byDoc.GetValueOrDefault(id) ?? [])
                {
                    int sent = m.GetProperty("sent_id").GetInt32();
                    var ids = m.GetProperty("tokens_number").EnumerateArray().Select(x => x.GetInt32()).ToList();
                    if (ids.Count == 0 || ids.Any(k => !offsets.ContainsKey((sent, k))))
                    {
                        dropped++;
                        continue;
                    }
                    var span = new Span(offsets[(sent, ids.Min())].Start, offsets[(sent, ids.Max())].End);
                    mentions.Add(new GoldMention(id, topic, span, span.Of(text), m.GetProperty("mention_full_type").GetString() ?? "", m.GetProperty("coref_chain").GetString() ?? "")
                    {
                        Proper = Str(m, "mention_head_pos") == "PROPN",
                    });
                }
                var article = new Article { Id = id, Text = text, Title = title.Length > 0 ? title : null };
                documents.Add(new EcbPlusDocument(article, topic, mentions));
            }
        }
        return (documents, dropped);
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>"1_10ecb" is the CoNLL document "1/1ecb/10"; "1_10ecbplus" is "1/1ecbplus/10".</summary>
    private static string ConllKey(string id)
    {
        int underscore = id.IndexOf('_');
        string topic = id[..underscore], rest = id[(underscore + 1)..];
        int digits = 0;
        while (digits < rest.Length && char.IsDigit(rest[digits])) digits++;
        return $"{topic}/{topic}{rest[digits..]}/{rest[..digits]}";
    }

    private static Dictionary<string, SortedDictionary<(int Sentence, int Token), string>> ReadTokens(string path)
    {
        var result = new Dictionary<string, SortedDictionary<(int, int), string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#')) continue;
            var p = line.Split('\t');
            if (p.Length < 4 || !int.TryParse(p[1], out int s) || !int.TryParse(p[2], out int t)) continue;
            if (!result.TryGetValue(p[0], out var doc)) result[p[0]] = doc = [];
            doc[(s, t)] = p[3];
        }
        return result;
    }

    /// <summary>
    /// Places tokens on the text in order: a token is found where only spaces and punctuation separate it from the previous
    /// one; a token that is not there (a URL line, a changed quote mark) is left out and the search goes on from the same place.
    /// </summary>
    private static Dictionary<(int, int), Span> Align(string text, SortedDictionary<(int, int), string> tokens)
    {
        var result = new Dictionary<(int, int), Span>();
        int pos = 0;
        foreach (var (key, word) in tokens)
        {
            int at = text.IndexOf(word, pos, StringComparison.Ordinal);
            if (at < 0) continue;
            bool adjacent = true;
            for (int k = pos; k < at && adjacent; k++) adjacent = !char.IsLetterOrDigit(text[k]);
            if (!adjacent) continue;
            result[key] = new Span(at, at + word.Length);
            pos = at + word.Length;
        }
        return result;
    }
}
