using System.Text.Json;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Runs Specs/names.json: the same person spelled differently in different reports is one entity under the majority
/// spelling, with the odd spellings kept as suspect variants; different people stay apart.
/// </summary>
public sealed class NameSpecTests
{
    public static TheoryData<string, string> Names => SpecTests.Cases("names");

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_across_articles(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement;
        var articles = c.GetProperty("articles").EnumerateArray()
            .Select((t, i) => new Article { Id = ((char)('a' + i)).ToString(), Text = t.GetString()!, Published = new DateOnly(2025, 10, 30) })
            .ToList();
        var analyzed = Corpus.Analyze(articles, AnalysisPipeline.Default);
        var (groups, _) = Resolution.EntityLinker.Resolve(analyzed, articles.Select(a => a.Id).ToHashSet());
        var people = groups.Where(g => g.Type == EntityType.Person).ToList();
        var bodies = groups.Where(g => g.Type is EntityType.Organization or EntityType.Place).ToList();
        static string Listed(IEnumerable<Briefing.EntityGroup> gs) => string.Join("; ", gs.Select(g => g.Name + (g.Variants.Count == 0 ? "" : " (" + string.Join(", ", g.Variants.Select(v => v.Name + (v.Suspect ? "?" : "") + " " + v.Kind)) + ")")));
        string found = Listed(people) + " | bodies: " + Listed(bodies);

        foreach (var (property, candidates, what) in new[] { ("people", people, "person"), ("bodies", bodies, "organisation or place") })
        {
            if (!c.TryGetProperty(property, out var expected)) continue;
            foreach (var e in expected.EnumerateArray())
            {
                string canonical = e.GetProperty("name").GetString()!;
                var g = candidates.FirstOrDefault(g => g.Name == canonical);
                Assert.True(g is not null, $"[{name}] expected the {what} {canonical}; found: {found}");
                var want = e.GetProperty("variants").EnumerateArray().Select(v => (v.GetProperty("name").GetString()!, v.GetProperty("suspect").GetBoolean())).OrderBy(v => v.Item1, StringComparer.Ordinal).ToList();
                var got = g!.Variants.Select(v => (v.Name, v.Suspect)).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
                Assert.True(want.SequenceEqual(got), $"[{name}] variants of {canonical}: expected {string.Join(", ", want)}; found: {found}");
                foreach (var v in e.GetProperty("variants").EnumerateArray().Where(v => v.TryGetProperty("kind", out _)))
                {
                    string kind = v.GetProperty("kind").GetString()!;
                    var variant = g.Variants.Single(x => x.Name == v.GetProperty("name").GetString());
                    Assert.True(string.Equals(variant.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase), $"[{name}] {variant.Name}: expected {kind}, found {variant.Kind}; found: {found}");
                }
            }
        }
        if (c.TryGetProperty("notPeople", out var notPeople))
        {
            foreach (var n in notPeople.EnumerateArray().Select(x => x.GetString()!))
            {
                Assert.False(people.Any(g => g.Name == n || g.Variants.Any(v => v.Name == n)), $"[{name}] {n} must be no person; found: {found}");
            }
        }
        if (c.TryGetProperty("apart", out var apart))
        {
            var names = apart.EnumerateArray().Select(a => a.GetString()!).ToList();
            var homes = names.Select(n => people.FindIndex(g => g.Name == n || g.Variants.Any(v => v.Name == n))).ToList();
            Assert.True(homes.All(h => h >= 0), $"[{name}] expected each of {string.Join(", ", names)} as a person; found: {found}");
            Assert.True(homes.Distinct().Count() == homes.Count, $"[{name}] expected {string.Join(", ", names)} apart; found: {found}");
        }
    }
}
