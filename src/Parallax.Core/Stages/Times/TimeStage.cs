using Parallax.Model;
using Parallax.Pipeline;

namespace Parallax.Stages.Times;

/// <summary>Finds time expressions and normalises them to TIMEX3 values against the article's publication date.</summary>
public sealed class TimeStage : IAnalysisStage
{
    public string Name => "times";

    public AnalysisLayer Reads => AnalysisLayer.Tokens | AnalysisLayer.Sentences;

    public AnalysisLayer Writes => AnalysisLayer.Times;

    public void Run(DocumentBuilder document) =>
        document.Times = Analyze(document.Text, document.Tokens, document.Sentences, document.Article.Published);

    /// <summary>Characters either side of a time expression that its context may hold.</summary>
    private const int ContextReach = 1000;

    /// <summary>How many sentences back a named period still anchors "a year earlier" or "the quarter".</summary>
    private const int ReferenceReach = 3;

    private static bool IsCalendarValue(string value) =>
        value.Length >= 4 && char.IsDigit(value[0]) && char.IsDigit(value[3]) && !value.Contains('T') && !value.Contains('W');

    public static IReadOnlyList<TimeExpression> Analyze(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, DateOnly? published)
    {
        var result = new List<TimeExpression>();
        int? discourseYear = null;
        (string? Value, int Sentence) quarter = (null, -1), named = (null, -1);
        int s = 0;
        foreach (var mention in TimeExtractor.Extract(text))
        {
            while (s < sentences.Count - 1 && sentences[s].Span.End <= mention.Span.Start) s++;
            var sentence = sentences.Count > 0 ? sentences[s].Span : new Span(0, text.Length);
            var tense = TenseReader.At(text, tokens, sentence, mention.Span);
            string before = text[Math.Max(0, mention.Span.Start - 24)..mention.Span.Start];
            // The sentence and the two before it: enough to know whether the passage is about quarterly results. Bounded, so
            // that a text without sentence breaks does not copy itself once per time expression.
            int from = Math.Max(sentences.Count > 0 ? sentences[Math.Max(0, s - 2)].Span.Start : 0, mention.Span.Start - ContextReach);
            int to = Math.Min(sentence.End, mention.Span.End + ContextReach);
            var ctx = new TimeContext(published, tense, discourseYear, before, text[from..Math.Max(from, to)])
            {
                QuarterReference = s - quarter.Sentence <= ReferenceReach ? quarter.Value : null,
                SentenceReference = named.Sentence == s ? named.Value : null,
            };
            var resolved = TimeResolver.Resolve(mention, mention.Span.Of(text), ctx);
            if (resolved is null) continue;
            result.Add(resolved);
            if (resolved.Type == TimexType.Date && IsCalendarValue(resolved.Value))
            {
                if (mention.Rule == TimeRule.Quarter) quarter = (resolved.Value, s);
                else if (mention.Rule is TimeRule.MonthDay or TimeRule.DayMonth or TimeRule.MonthYear or TimeRule.Month or TimeRule.Year or TimeRule.IsoDate or TimeRule.NumericDate or TimeRule.Weekday or TimeRule.RelativeDay) named = (resolved.Value, s);
            }
            // A year written out ("April 2026") is what a later "the year" refers back to.
            bool explicitYear = mention.Rule is TimeRule.Year or TimeRule.MonthYear or TimeRule.IsoDate or TimeRule.NumericDate
                || (mention.Rule is TimeRule.MonthDay or TimeRule.DayMonth && mention.Part("year") is not null);
            if (explicitYear && resolved.Value.Length >= 4 && int.TryParse(resolved.Value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year))
            {
                discourseYear = year;
            }
        }
        return result;
    }
}
