using Parallax.Model;

namespace Parallax.Briefing;

/// <summary>
/// The articles a brief is made of (undated ones dated from the rest of their story), which of them are independent
/// sources, and their text as the brief quotes it.
/// </summary>
public sealed class StoryArticles
{
    public StoryArticles(List<AnalyzedArticle> all, IReadOnlyDictionary<string, string> duplicateOf)
    {
        All = all;
        ById = all.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Independent = all.Where(a => !duplicateOf.ContainsKey(a.Id)).ToList();
        IndependentIds = Independent.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every article of the story, in the story's order.</summary>
    public List<AnalyzedArticle> All { get; }

    public Dictionary<string, AnalyzedArticle> ById { get; }

    /// <summary>The articles that are no copy of another: only these count as sources of a fact, value or quote.</summary>
    public List<AnalyzedArticle> Independent { get; }

    public HashSet<string> IndependentIds { get; }

    /// <summary>A sentence of an article, single-spaced.</summary>
    public string SentenceText(string article, int sentence) => BriefBuilder.Clean(ById[article].Sentences[sentence].Span.Of(ById[article].Text));

    /// <summary>A claim as the brief words it: its whole sentence, the claim as split out, or its span of the text.</summary>
    public string UnitText(SentenceUnit u) => u.Whole ? SentenceText(u.Article, u.Index) : u.Claim ?? BriefBuilder.Clean(u.Span.Of(ById[u.Article].Text));

    /// <summary>The clause that holds a stated value, in its source's words.</summary>
    internal string Clause(ValueMention m) => BriefBuilder.Clause(ById[m.Article], m.Span, m.Sentence);
}
