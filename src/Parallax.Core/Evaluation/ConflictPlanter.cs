using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parallax.Briefing;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Evaluation;

/// <summary>
/// What a planted change alters: a date, a figure, the spelling of a person's name, the wording of a quote, the spelling of an
/// organisation or place; or — a change that must <em>not</em> be reported — a person's full name cut to the family name.
/// </summary>
public enum PlantKind
{
    Date,
    Figure,
    Name,
    Quote,
    Body,
    ShortName,
}

/// <summary>One replacement in the text of a copy: the span of the original text and what takes its place.</summary>
public sealed record TextEdit(Span Span, string Replacement);

/// <summary>A controlled change planted in a copy of one article, in the words a reader would see before and after.</summary>
public sealed record Plant(PlantKind Kind, string Article, string Before, string After, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>The brief's kind of conflict that should report this change.</summary>
    public ConflictKind Expected => Kind switch
    {
        PlantKind.Date => ConflictKind.Time,
        PlantKind.Figure => ConflictKind.Quantity,
        PlantKind.Name or PlantKind.Body or PlantKind.ShortName => ConflictKind.Name,
        _ => ConflictKind.Quote,
    };

    /// <summary>The copy's text: the original with the edits made.</summary>
    public string Apply(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        int at = 0;
        foreach (var e in Edits.OrderBy(e => e.Span.Start))
        {
            sb.Append(text, at, e.Span.Start - at).Append(e.Replacement);
            at = e.Span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Where each edit sits in the changed text (empty spans for deletions).</summary>
    public IReadOnlyList<Span> EditedSpans()
    {
        var spans = new List<Span>();
        int shift = 0;
        foreach (var e in Edits.OrderBy(e => e.Span.Start))
        {
            int start = e.Span.Start + shift;
            spans.Add(new Span(start, start + e.Replacement.Length));
            shift += e.Replacement.Length - e.Span.Length;
        }
        return spans;
    }
}

/// <summary>
/// Plants one controlled contradiction into a copy of an article, the way outlets really disagree: a date moved by days,
/// months or years (away from the publication date, so a past event stays past), a figure changed well beyond any
/// rounding, a person's name respelled by one letter everywhere the article writes it, or a direct quote reworded in two
/// places. The target is chosen at random among the article's candidates, so the check is not tuned to any one sentence.
/// </summary>
public static class ConflictPlanter
{
    private static readonly FrozenDictionary<string, string> Rewordings = Lexicon.Map(typeof(ConflictPlanter), "reword.lex");

    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "really", "very", "also", "just", "actually", "even", "still", "simply", "truly", "certainly", "clearly", "indeed", "quite", "totally", "fully", "always", "again", "already", "only", "then", "there", "that", "some", "much", "more", "most", "well");

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    /// <summary>A changed figure is off by a half or more: far beyond rounding or any hedge.</summary>
    private static readonly double[] Factors = [0.5, 1.5, 2, 3];

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private static readonly Regex MonthDay = new(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", RegexOptions.NonBacktracking, Budget);

    private static readonly Regex Year = new(@"\b(1[89]|20)\d\d\b", RegexOptions.NonBacktracking, Budget);

    private static readonly Regex Number = new(@"\d[\d,]*(\.\d+)?", RegexOptions.NonBacktracking, Budget);

    /// <summary>
    /// A change of <paramref name="kind"/> in <paramref name="a"/>, or null when the article offers nothing of that kind to
    /// change. With <paramref name="elsewhere"/>, only a value, name or quote that one of those articles also states is changed,
    /// so that the change contradicts another source rather than a copy of itself.
    /// </summary>
    public static Plant? Choose(AnalyzedArticle a, PlantKind kind, Random rng, IReadOnlyList<AnalyzedArticle>? elsewhere = null)
    {
        var others = elsewhere ?? [];
        bool any = elsewhere is null;
        var candidates = kind switch
        {
            PlantKind.Date => a.Times.Where(t => any || others.Any(o => o.Times.Any(x => x.Type == t.Type && x.Value == t.Value && SameTopic(a, t.Span, o, x.Span)))).Select(t => DatePlant(a, t, rng)),
            PlantKind.Figure => a.Quantities.Where(q => !(q.Unit is null && q.Value is { } v && Briefing.ValueConflicts.IsAgeInApposition(a, q.Span, v))).Where(q => any || others.Any(o => o.Quantities.Any(x => x.Value == q.Value && x.Unit == q.Unit && SameTopic(a, q.Span, o, x.Span)))).Select(q => FigurePlant(a, q, rng)),
            PlantKind.Name => a.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Name).Distinct(StringComparer.Ordinal)
                .Where(n => any || others.Any(o => o.Entities.Any(x => x.Name == n))).Select(n => NamePlant(a, n, rng)),
            PlantKind.Body => a.Entities.Where(e => e.Type is EntityType.Organization or EntityType.Place).Select(e => e.Name).Distinct(StringComparer.Ordinal)
                .Where(n => any || others.Any(o => o.Entities.Any(x => x.Name == n))).Select(n => BodyPlant(a, n, rng)),
            PlantKind.ShortName => a.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Name).Distinct(StringComparer.Ordinal)
                .Where(n => any || others.Any(o => o.Entities.Any(x => x.Name == n))).Select(n => ShortNamePlant(a, n, rng)),
            _ => a.Quotes.Where(q => any || others.Any(o => Flat(o.Text).Contains(Flat(q.Span.Of(a.Text)), StringComparison.Ordinal))).Select(q => QuotePlant(a, q, rng)),
        };
        // Materialised first, so each candidate draws from the generator in a fixed order and the pick is reproducible.
        var found = candidates.Where(p => p is not null).ToList();
        return found.Count == 0 ? null : found[rng.Next(found.Count)];
    }

    /// <summary>
    /// Whether two values sit in sentences sharing at least three content words: a plain test, independent of the brief's own
    /// matching, that another outlet states the same value about the same thing (a weekday alone is in every report of a day's news).
    /// </summary>
    private static bool SameTopic(AnalyzedArticle a, Span value, AnalyzedArticle b, Span other)
    {
        static HashSet<string> Content(AnalyzedArticle x, Span at)
        {
            int s = x.SentenceIndexAt(at.Start);
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (s < 0) return set;
            var sentence = x.Sentences[s].Span;
            foreach (var t in x.Tokens)
            {
                if (t.Start < sentence.Start || t.Kind != TokenKind.Word || t.Span.Overlaps(at)) continue;
                if (t.Start >= sentence.End) break;
                string w = t.Span.Of(x.Text);
                if (w.Length > 2 && !Words.IsStop(w)) set.Add(Words.Stem(w.ToLowerInvariant()));
            }
            return set;
        }
        var mine = Content(a, value);
        return Content(b, other).Count(mine.Contains) >= 3;
    }

    /// <summary>Lower-case letters and digits with single spaces: text compared regardless of punctuation and typography.</summary>
    private static string Flat(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>A copy of <paramref name="original"/> with the change made, under a new id and outlet.</summary>
    public static Article Copy(Article original, Plant plant, string id) =>
        original with { Id = id, Text = plant.Apply(original.Text), Source = "planted copy of " + (original.Source ?? original.Id), Origin = null };

    private static Plant? DatePlant(AnalyzedArticle a, TimeExpression t, Random rng)
    {
        if (t.Type != TimexType.Date || TimeInterval.Of(t) is not { } when) return null;
        // Moved away from the publication date, so a past event stays in the past and a coming one still to come.
        int sign = a.Article.Published is { } p && when.Start > p ? 1 : -1;
        string text = t.Text;
        TextEdit? edit = null;
        if (MonthDay.Match(text) is { Success: true } md && int.TryParse(md.Groups[2].ValueSpan, CultureInfo.InvariantCulture, out int day) && day is >= 1 and <= 31)
        {
            int moved = day + sign * rng.Next(3, 9);
            if (moved is < 1 or > 28) moved = day - sign * rng.Next(3, 9);
            if (moved is >= 1 and <= 28) edit = Replace(t.Span.Start + md.Groups[2].Index, md.Groups[2].Length, moved.ToString(CultureInfo.InvariantCulture));
        }
        else if (Array.FindIndex(Weekdays, w => ContainsWord(text, w)) is var wd and >= 0)
        {
            // A weekday is read as the nearest such day before (or after) publication, so the new name is picked by the day
            // it will be read as: another day of the same week on the same side of the publication date.
            string moved;
            if (a.Article.Published is { } published && when.Start == when.End)
            {
                int away = Math.Abs(when.Start.DayNumber - published.DayNumber);
                var days = Enumerable.Range(1, 6).Where(k => k != away).ToList();
                var read = published.AddDays(sign * days[rng.Next(days.Count)]);
                moved = Weekdays[((int)read.DayOfWeek + 6) % 7];
            }
            else
            {
                moved = Weekdays[(wd + rng.Next(1, 7)) % 7];
            }
            edit = Replace(t.Span.Start + IndexOfWord(text, Weekdays[wd]), Weekdays[wd].Length, moved);
        }
        else if (Year.Match(text) is { Success: true } y)
        {
            int year = int.Parse(y.ValueSpan, CultureInfo.InvariantCulture) + sign * rng.Next(1, 4);
            edit = Replace(t.Span.Start + y.Index, y.Length, year.ToString(CultureInfo.InvariantCulture));
        }
        else if (Array.FindIndex(Months, m => ContainsWord(text, m)) is var mo and >= 0)
        {
            string moved = Months[(mo + 12 + sign * rng.Next(2, 5)) % 12];
            edit = Replace(t.Span.Start + IndexOfWord(text, Months[mo]), Months[mo].Length, moved);
        }
        return edit is null ? null : new Plant(PlantKind.Date, a.Id, text, Changed(a.Text, t.Span, edit), [edit]);
    }

    private static Plant? FigurePlant(AnalyzedArticle a, Quantity q, Random rng)
    {
        // Open-ended figures ("more than 100") and ranges cannot be contradicted by a single other figure; years are dates.
        if (q.Value is not { } v || v == 0 || q.UpperValue is not null || q.Unit == "fraction") return null;
        if (q.Qualifier is not (null or "about" or "around" or "approximately" or "roughly" or "some" or "nearly" or "almost" or "an estimated")) return null;
        if (a.Times.Any(t => t.Span.Overlaps(q.Span))) return null;
        double factor = Factors[rng.Next(Factors.Length)];
        TextEdit? edit = null;
        if (Number.Match(q.Text) is { Success: true } m)
        {
            string digits = m.Value;
            if (!double.TryParse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double shown) || shown == 0) return null;
            if (q.Unit is null && shown is >= 1800 and <= 2100 && !digits.Contains('.')) return null;
            int decimals = m.Groups[1].Success ? m.Groups[1].Length - 1 : 0;
            double changed = Math.Round(shown * factor, decimals);
            if (changed == shown || changed == 0) return null;
            string format = (digits.Contains(',') ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
            edit = Replace(q.Span.Start + m.Index, m.Length, changed.ToString(format, CultureInfo.InvariantCulture));
        }
        else if (Array.FindIndex(NumberWords, w => ContainsWord(q.Text.ToLowerInvariant(), w)) is var n and >= 2)
        {
            int changed = Math.Min(NumberWords.Length - 1, (int)Math.Round(n * factor));
            if (changed == n) changed = n + 3 < NumberWords.Length ? n + 3 : n - 2;
            int at = IndexOfWord(q.Text.ToLowerInvariant(), NumberWords[n]);
            string word = NumberWords[changed];
            if (char.IsUpper(q.Text[at])) word = char.ToUpperInvariant(word[0]) + word[1..];
            edit = Replace(q.Span.Start + at, NumberWords[n].Length, word);
        }
        return edit is null ? null : new Plant(PlantKind.Figure, a.Id, q.Text, Changed(a.Text, q.Span, edit), [edit]);
    }

    private static Plant? NamePlant(AnalyzedArticle a, string name, Random rng)
    {
        var parts = name.Split(' ');
        if (parts.Length is < 2 or > 3 || parts.Any(p => !p.All(char.IsLetter))) return null;
        // A part this article also uses for someone else (a shared family name) would respell two people at once.
        var others = a.Entities.Where(e => e.Type == EntityType.Person && e.Name != name).SelectMany(e => e.Name.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var usable = new[] { parts[0], parts[^1] }.Where(p => p.Length >= 4 && !others.Contains(p)).Distinct().ToList();
        if (usable.Count == 0) return null;
        string part = usable[rng.Next(usable.Count)];
        string respelled = Respell(part, rng);
        if (respelled == part) return null;
        var edits = new List<TextEdit>();
        for (int at = IndexOfWord(a.Text, part); at >= 0; at = IndexOfWord(a.Text, part, at + part.Length)) edits.Add(new TextEdit(new Span(at, at + part.Length), respelled));
        return edits.Count == 0 ? null : new Plant(PlantKind.Name, a.Id, name, string.Join(' ', parts.Select(p => p == part ? respelled : p)), edits);
    }

    /// <summary>An organisation or place respelled by one letter in one of its longer words, everywhere the article writes it ("Turkeminstan", "Pentagan").</summary>
    private static Plant? BodyPlant(AnalyzedArticle a, string name, Random rng)
    {
        var words = name.Split(' ');
        var usable = words.Where(w => w.Length >= 6 && w.All(char.IsLetter) && char.IsUpper(w[0]) && !w.All(char.IsUpper)).Distinct().ToList();
        if (usable.Count == 0 || !a.Text.Contains(name, StringComparison.Ordinal)) return null;
        string word = usable[rng.Next(usable.Count)];
        string respelled = Respell(word, rng);
        if (respelled == word) return null;
        string after = string.Join(' ', words.Select(w => w == word ? respelled : w));
        var edits = new List<TextEdit>();
        for (int at = IndexOfWord(a.Text, name); at >= 0; at = IndexOfWord(a.Text, name, at + name.Length)) edits.Add(new TextEdit(new Span(at, at + name.Length), after));
        return edits.Count == 0 ? null : new Plant(PlantKind.Body, a.Id, name, after, edits);
    }

    /// <summary>
    /// A person's full name cut to the family name, alone or after a courtesy title ("Mr. Perry", "Ms. Leavitt"), everywhere
    /// the article writes it in full, as wire copy often does: the brief must still see one person and report no spelling conflict.
    /// </summary>
    private static Plant? ShortNamePlant(AnalyzedArticle a, string name, Random rng)
    {
        var parts = name.Split(' ');
        if (parts.Length is < 2 or > 3 || parts.Any(p => !p.All(c => char.IsLetter(c) || c is '\'' or '’' or '-'))) return null;
        // Only a real person's name: one that opens on a known given name ("Presumptive GOP" is an extraction slip, not a person).
        if (!Stages.Entities.EntityLexicons.GivenNames.ContainsKey(parts[0])) return null;
        string family = parts[^1];
        // A family name this article also gives someone else would make the short form ambiguous.
        if (a.Entities.Any(e => e.Type == EntityType.Person && e.Name != name && e.Name.Split(' ').Contains(family))) return null;
        string? gender = Stages.Entities.EntityLexicons.GenderOf(parts[0]);
        string replacement = rng.Next(2) == 0 || gender is null ? family : (gender == "f" ? "Ms. " : "Mr. ") + family;
        var edits = new List<TextEdit>();
        for (int at = IndexOfWord(a.Text, name); at >= 0; at = IndexOfWord(a.Text, name, at + name.Length)) edits.Add(new TextEdit(new Span(at, at + name.Length), replacement));
        return edits.Count == 0 ? null : new Plant(PlantKind.ShortName, a.Id, name, replacement, edits);
    }

    /// <summary>One slip of the kind outlets make: a first letter that sounds alike (Karoline, Caroline), a vowel, a doubled or undoubled consonant.</summary>
    internal static string Respell(string word, Random rng)
    {
        var options = new List<string>();
        if (word[0] is 'C' or 'K') options.Add((word[0] == 'C' ? 'K' : 'C') + word[1..]);
        for (int i = 1; i < word.Length - 1; i++)
        {
            char c = word[i];
            char swap = c switch { 'a' => 'e', 'e' => 'a', 'i' => 'y', 'y' => 'i', 'o' => 'u', 'u' => 'o', _ => '\0' };
            if (swap != '\0') options.Add(word[..i] + swap + word[(i + 1)..]);
            if (c == word[i + 1] && !"aeiou".Contains(c)) options.Add(word[..i] + word[(i + 1)..]);
            else if (c is 'l' or 'n' or 'r' or 't' or 's' or 'm' && word[i - 1] != c && "aeiouy".Contains(word[i - 1])) options.Add(word[..(i + 1)] + word[i..]);
        }
        return options.Count == 0 ? word : options[rng.Next(options.Count)];
    }

    private static Plant? QuotePlant(AnalyzedArticle a, Quote q, Random rng)
    {
        if (!q.Direct || q.Speaker is null) return null;
        // A quotation the article prints twice would keep its old wording beside the new one: the source would contradict itself.
        string quoted = q.Span.Of(a.Text);
        if (a.Text.IndexOf(quoted, StringComparison.Ordinal) != a.Text.LastIndexOf(quoted, StringComparison.Ordinal)) return null;
        var words = a.Tokens.Where(t => t.Kind == TokenKind.Word && q.Span.Contains(t.Span)).ToList();
        if (words.Count < 8) return null;
        var names = a.Entities.Select(e => e.Span).ToList();
        var edits = new List<TextEdit>();
        var used = new HashSet<int>();
        // Up to two words put another way, then words dropped, until two places differ.
        var rewordable = Enumerable.Range(0, words.Count).Where(i => Rewordings.ContainsKey(words[i].Span.Of(a.Text))).OrderBy(_ => rng.Next()).Take(2).ToList();
        foreach (int i in rewordable)
        {
            string w = words[i].Span.Of(a.Text);
            string r = Rewordings[w];
            if (char.IsUpper(w[0])) r = char.ToUpperInvariant(r[0]) + r[1..];
            edits.Add(new TextEdit(words[i].Span, r));
            used.Add(i);
        }
        // Words a reporter drops without changing the sense come first ("really", "also"); negations and names never go.
        var droppable = Enumerable.Range(1, words.Count - 2)
            .Where(i => !used.Contains(i) && words[i].Length >= 4 && !names.Any(n => n.Overlaps(words[i].Span)) && a.Text[words[i].End] == ' ' && !words[i].Span.Of(a.Text).Any(Tokenizer.IsApostrophe))
            .OrderBy(i => Fillers.Contains(words[i].Span.Of(a.Text)) ? 0 : 1).ThenBy(_ => rng.Next()).ToList();
        foreach (int i in droppable)
        {
            if (edits.Count >= 2) break;
            if (used.Contains(i - 1) || used.Contains(i + 1)) continue;
            edits.Add(new TextEdit(new Span(words[i].Start, words[i].End + 1), ""));
            used.Add(i);
        }
        if (edits.Count < 2) return null;
        var plant = new Plant(PlantKind.Quote, a.Id, q.Span.Of(a.Text), "", edits);
        string changed = plant.Apply(a.Text);
        int end = q.Span.End + edits.Sum(e => e.Replacement.Length - e.Span.Length);
        return plant with { After = changed[q.Span.Start..end] };
    }

    private static TextEdit Replace(int start, int length, string replacement) => new(new Span(start, start + length), replacement);

    private static string Changed(string text, Span span, TextEdit edit) =>
        text[span.Start..edit.Span.Start] + edit.Replacement + text[edit.Span.End..span.End];

    private static bool ContainsWord(string text, string word) => IndexOfWord(text, word) >= 0;

    /// <summary>The first whole-word, case-sensitive occurrence of <paramref name="word"/> at or after <paramref name="from"/>.</summary>
    internal static int IndexOfWord(string text, string word, int from = 0)
    {
        for (int at = text.IndexOf(word, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            bool after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after) return at;
        }
        return -1;
    }
}
