using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>A short wire-style article made for the planted check, and the one slip planted in it.</summary>
public sealed record WirePlant(Article Wire, Plant Plant);

/// <summary>
/// Plants a one-letter slip in a wire-style copy, the way a held-out check does: a short new article made of the first
/// sentence of each other outlet of the story around one sentence of the chosen article, in which the family name of a
/// person, or one word of an organisation's or place's name, is respelled. The copy's other sentences usually name the
/// same entity correctly, so the slip sits beside the right spelling in one source.
/// </summary>
public static class WireCopy
{
    /// <summary>The id a wire copy made around an article takes.</summary>
    public static string Id(string article) => article + "~wire";

    /// <summary>
    /// A wire copy around a sentence of <paramref name="a"/> with a slip of <paramref name="kind"/> (<see cref="PlantKind.Name"/>
    /// or <see cref="PlantKind.Body"/>), or null when the article names nothing fit to respell.
    /// </summary>
    public static WirePlant? Choose(AnalyzedArticle a, IReadOnlyList<AnalyzedArticle> others, PlantKind kind, Random rng)
    {
        if (kind is not (PlantKind.Name or PlantKind.Body)) return null;
        var type = kind == PlantKind.Name ? [EntityType.Person] : new[] { EntityType.Organization, EntityType.Place };
        // Each (sentence, name, word to respell) the article offers, in a fixed order so the pick is reproducible.
        var targets = new List<(int Sentence, string Name, string Word)>();
        foreach (var name in a.Entities.Where(e => type.Contains(e.Type)).Select(e => e.Name).Distinct(StringComparer.Ordinal))
        {
            var words = name.Split(' ');
            if (words.Any(w => w.Length == 0 || !w.All(char.IsLetter))) continue;
            List<string> usable;
            if (kind == PlantKind.Name)
            {
                if (words.Length is < 2 or > 3 || words[^1].Length < 4) continue;
                usable = [words[^1]];
            }
            else
            {
                usable = [.. words.Where(w => w.Length >= 5 && char.IsUpper(w[0]) && !w.All(char.IsUpper)).Distinct()];
            }
            if (usable.Count == 0) continue;
            for (int s = 0; s < a.Sentences.Count; s++)
            {
                var span = a.Sentences[s].Span;
                if (ConflictPlanter.IndexOfWord(span.Of(a.Text), name) < 0) continue;
                string target = usable[rng.Next(usable.Count)];
                // A word the sentence also uses in another name (Bill and Hillary Clinton) would respell two entities at once.
                bool shared = a.Entities.Any(e => span.Contains(e.Span) && e.Name != name && !name.EndsWith(e.Name, StringComparison.Ordinal) && e.Name.Split(' ').Contains(target));
                if (!shared) targets.Add((s, name, target));
            }
        }
        // Materialised first, so each target draws from the generator in a fixed order and the pick is reproducible.
        var slips = targets.Select(t => (t.Sentence, t.Name, t.Word, Slip: ConflictPlanter.Respell(t.Word, rng))).Where(t => t.Slip != t.Word).ToList();
        if (slips.Count == 0) return null;
        var (sentence, chosen, word, slip) = slips[rng.Next(slips.Count)];

        // The other outlets' first sentences around the changed one: one before it, the rest after.
        var leads = others.Where(o => o.Sentences.Count > 0).Select(o => o.Sentences[0].Span.Of(o.Text).Trim()).Where(l => l.Length > 0).ToList();
        string changed = a.Sentences[sentence].Span.Of(a.Text).Trim();
        var pieces = new List<string>();
        if (leads.Count > 0) pieces.Add(leads[0]);
        int at = pieces.Sum(p => p.Length + 1);
        pieces.Add(changed);
        pieces.AddRange(leads.Skip(1));
        string text = string.Join(' ', pieces);

        string after = string.Join(' ', chosen.Split(' ').Select(w => w == word ? slip : w));
        var edits = new List<TextEdit>();
        for (int i = ConflictPlanter.IndexOfWord(changed, word); i >= 0; i = ConflictPlanter.IndexOfWord(changed, word, i + word.Length)) edits.Add(new TextEdit(new Span(at + i, at + i + word.Length), slip));
        if (edits.Count == 0) return null;
        var plant = new Plant(kind, Id(a.Id), chosen, after, edits);
        // Dated as the latest of the reports it draws on, as a wire copy follows them: a weekday in any of its sentences
        // then reads as the day its own outlet meant, not a week later or earlier.
        var published = others.Append(a).Select(x => x.Article.Published).Where(d => d is not null).Max();
        var wire = a.Article with { Id = Id(a.Id), Text = plant.Apply(text), Title = null, Url = null, Published = published ?? a.Article.Published, Source = "wire copy around " + (a.Article.Source ?? a.Id), Origin = null };
        return new WirePlant(wire, plant);
    }
}
