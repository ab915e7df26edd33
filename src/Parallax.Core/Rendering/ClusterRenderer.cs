using System.Text;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Rendering;

/// <summary>Writes which story each article belongs to: JSON Lines per the v1 contract, or Markdown.</summary>
public static class ClusterRenderer
{
    public static string Jsonl(IReadOnlyList<Story> stories, IReadOnlyList<AnalyzedArticle> inputOrder)
    {
        var storyOf = new Dictionary<string, Story>(StringComparer.Ordinal);
        foreach (var s in stories)
        {
            foreach (var a in s.Articles) storyOf[a.Id] = s;
        }
        var sb = new StringBuilder();
        foreach (var a in inputOrder)
        {
            var story = storyOf[a.Id];
            sb.Append(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("story", story.Id);
                JsonOutput.StringOrNull(w, "duplicateOf", story.DuplicateOf.GetValueOrDefault(a.Id));
                w.WriteEndObject();
            }, indented: false)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<Story> stories)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(stories.Count).Append(stories.Count == 1 ? " story" : " stories").AppendLine().AppendLine();
        foreach (var s in stories)
        {
            sb.Append("## ").Append(s.Id).Append(" — ").Append(s.Articles.Count).Append(s.Articles.Count == 1 ? " article" : " articles").AppendLine().AppendLine();
            foreach (var a in s.Articles)
            {
                sb.Append("- ").Append(Md.Escape(a.Id));
                if (a.Article.Source is { } src) sb.Append(" (").Append(Md.Escape(src)).Append(')');
                if (a.Article.Title is { } t) sb.Append(": ").Append(Md.Escape(t));
                if (s.DuplicateOf.TryGetValue(a.Id, out var orig)) sb.Append(" — copy of ").Append(Md.Escape(orig));
                sb.AppendLine();
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
