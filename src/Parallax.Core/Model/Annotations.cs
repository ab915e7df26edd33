namespace Parallax.Model;

/// <summary>A word, number or punctuation mark in the original text.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public Span Span => new(Start, End);

    public int Length => End - Start;
}

/// <summary>What a token is: a word, a number, punctuation, or another symbol ($, %, emoji).</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A sentence, as a span of the original text.</summary>
public sealed record Sentence(Span Span);

/// <summary>The kind of thing a name names.</summary>
public enum EntityType
{
    Person,
    Organization,
    Place,
    Other,
}

/// <summary>A mention of a person, organisation or place; <see cref="Name"/> is the fullest form of that name in the same article.</summary>
public sealed record Entity(Span Span, string Text, EntityType Type, string Name)
{
    /// <summary>A role or title written before the name ("Treasury Secretary"), kept apart from it.</summary>
    public string? Title { get; init; }
}

/// <summary>A quotation and, when found, who said it.</summary>
public sealed record Quote(Span Span, string Text, bool Direct)
{
    /// <summary>The speaker's full name in this article, when resolved to a named entity.</summary>
    public string? Speaker { get; init; }

    /// <summary>Where the speaker is mentioned for this quote (a name, pronoun or title).</summary>
    public Span? SpeakerSpan { get; init; }

    /// <summary>The reporting verb or phrase ("said", "wrote", "according to").</summary>
    public string? Cue { get; init; }

    /// <summary>
    /// How sure the speaker model is of the speaker it chose (0–1); a quote whose best candidate falls below the model's
    /// threshold keeps this figure but no <see cref="Speaker"/>: it is shown as unattributed.
    /// </summary>
    public double? SpeakerConfidence { get; init; }
}

/// <summary>
/// A number with its unit and any hedge ("just under 50 percent"). A range ("between 10 and 20 percent") has its lower
/// bound in <see cref="Value"/> and its upper in <see cref="UpperValue"/>; a share ("a third of", "one in five") has the
/// unit "fraction" and a value between 0 and 1.
/// </summary>
public sealed record Quantity(Span Span, string Text, double? Value, string? Unit, string? Qualifier)
{
    /// <summary>The upper bound of a range ("10 to 20 percent" → 20); null for a single figure.</summary>
    public double? UpperValue { get; init; }

    /// <summary>True when the number describes a change ("cut by 10%", "halve") rather than a level.</summary>
    public bool IsChange { get; init; }
}

/// <summary>TIMEX3 types: a calendar date, a time of day, a length of time, or a repeating time.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>A time expression with its TIMEX3 value, normalised against the publication date.</summary>
public sealed record TimeExpression(Span Span, string Text, TimexType Type, string Value)
{
    /// <summary>TIMEX3 modifier, such as APPROX, START, END, LESS_THAN.</summary>
    public string? Mod { get; init; }
}

/// <summary>An article with everything the analysis pipeline found in it.</summary>
public sealed record AnalyzedArticle(
    Article Article,
    IReadOnlyList<Token> Tokens,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyList<TimeExpression> Times)
{
    public string Text => Article.Text;

    public string Id => Article.Id;

    /// <summary>Index of the sentence holding <paramref name="offset"/>, or -1.</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = Sentences[mid].Span;
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
