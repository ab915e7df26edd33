using System.Globalization;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stories;

/// <summary>What story clustering keeps of an article: its date, its terms and a sample of its word shingles — not its text, so a large feed fits in memory.</summary>
public sealed record StoryFeatures
{
    public required string Id { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>
    /// Raw term counts before weighting, by <see cref="TermHash"/> of the term and sorted by it: content-word stems, names
    /// (written <c>@name</c>), figures (<c>#value unit</c>) and dates (<c>~2014-03-05</c>). Hashes, not strings, so a feed of
    /// millions of terms is compact and the index never re-reads a string.
    /// </summary>
    public required ulong[] Terms { get; init; }

    /// <summary>How often each of <see cref="Terms"/> occurs (names and title words count extra).</summary>
    public required float[] Counts { get; init; }

    /// <summary>Hashed five-word shingles, distinct and sorted: a content-defined sample, or all of them for a short text (<see cref="AllShingles"/>).</summary>
    public required ulong[] Shingles { get; init; }

    /// <summary>True when <see cref="Shingles"/> holds every shingle because the text is too short for a sample to judge.</summary>
    public bool AllShingles { get; init; }

    /// <summary>Names count extra: they identify an event better than common words.</summary>
    public const double NameWeight = 2;

    /// <summary>Title words count extra: the headline says what the article is about.</summary>
    public const double TitleWeight = 2;

    public static StoryFeatures Of(AnalyzedArticle a)
    {
        var sample = NearDuplicates.Shingles(a);
        bool all = sample.Count < NearDuplicates.MinSample;
        var counts = TermCounts(a);
        var terms = new ulong[counts.Count];
        var values = new float[counts.Count];
        int i = 0;
        foreach (var (term, count) in counts)
        {
            terms[i] = TermHash(term);
            values[i++] = (float)count;
        }
        Array.Sort(terms, values);
        return new StoryFeatures
        {
            Id = a.Id,
            Published = a.Article.Published,
            Terms = terms,
            Counts = values,
            Shingles = [.. (all ? NearDuplicates.Shingles(a, all: true) : sample).Order()],
            AllShingles = all,
        };
    }

    /// <summary>64-bit FNV-1a of a term: stable across runs and machines; a collision among a feed's terms is vanishingly rare and costs only a little similarity.</summary>
    public static ulong TermHash(string term)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in term) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    /// <summary>The term counts an article's features are made of, readable (for inspection and tests).</summary>
    public static Dictionary<string, double> TermCounts(AnalyzedArticle a)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        void Count(string key, double by) => counts[key] = counts.GetValueOrDefault(key) + by;
        string text = a.Text;
        foreach (var t in a.Tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 3) continue;
            string w = text[t.Start..t.End];
            if (!Words.IsStop(w)) Count(Words.Stem(w), 1);
        }
        foreach (var e in a.Entities)
        {
            if (e.Type != EntityType.Other) Count("@" + e.Name.ToLowerInvariant(), NameWeight);
        }
        // A figure ("$4.2 billion", "31 percent") or a calendar day is the same token in every report of one event,
        // and rarely shared by reports of different ones.
        foreach (var q in a.Quantities)
        {
            if (q.Value is { } v && (v >= 100 || q.Unit is not null) && !(q.Unit is null && v is >= 1900 and <= 2100 && v == Math.Floor(v)))
            {
                Count("#" + v.ToString("0.####", CultureInfo.InvariantCulture) + (q.Unit is null ? "" : " " + q.Unit), 1);
            }
        }
        foreach (var time in a.Times)
        {
            // Only a day or a month pins an event; a bare year or "now" is shared by everything around it.
            if (time.Type == TimexType.Date && time.Value.Length >= 7 && char.IsAsciiDigit(time.Value[0]) && time.Value[4] == '-') Count("~" + time.Value, 1);
        }
        if (a.Article.Title is { } title)
        {
            foreach (var t in Tokenizer.Tokenize(title))
            {
                string w = title[t.Start..t.End];
                if (t.Kind != TokenKind.Word || t.Length < 3 || Words.IsStop(w)) continue;
                Count(Words.Stem(w), TitleWeight);
            }
        }
        return counts;
    }
}
