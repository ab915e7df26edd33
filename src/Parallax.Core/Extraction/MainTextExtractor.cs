using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using Parallax.Text;

namespace Parallax.Extraction;

/// <summary>
/// Finds the article body in a parsed page: page furniture is pruned, paragraphs vote for the containers that hold them,
/// the best container and its article-like siblings are kept, and their text is written out paragraph by paragraph.
/// </summary>
internal static class MainTextExtractor
{
    private static readonly FrozenDictionary<string, string> Boilerplate = Lexicon.Map(typeof(MainTextExtractor), "boilerplate.lex");
    private static readonly FrozenSet<string> ContentWords = Lexicon.Set(typeof(MainTextExtractor), "content.lex");
    private static readonly FrozenSet<string> StrayLabels = Lexicon.Set(typeof(MainTextExtractor), "stray-labels.lex");

    private static readonly FrozenSet<string> NoiseTags = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button", "input", "select", "textarea", "option",
         "nav", "aside", "footer", "figure", "figcaption", "picture", "video", "audio", "img", "map", "dialog", "menu", "link", "meta", "head", "title"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that start a new paragraph in the output.</summary>
    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
        ["p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
         "table", "tbody", "thead", "tr", "td", "th", "hr", "address", "center", "form", "fieldset", "details", "summary", "body"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements whose own text counts as a paragraph when scoring.</summary>
    private static readonly FrozenSet<string> ParagraphTags = FrozenSet.ToFrozenSet(["p", "pre", "td", "blockquote"], StringComparer.OrdinalIgnoreCase);

    private const int MinParagraphChars = 25;

    /// <summary>Below this depth an element's text is read flat, so a page nested thousands deep cannot exhaust the stack.</summary>
    private const int MaxDepth = 300;

    /// <summary>Texts shorter than this after pruning by class and id are extracted again without that pruning.</summary>
    private const int RetryBelowChars = 500;

    /// <summary>The main text of <paramref name="doc"/>; a paragraph repeating <paramref name="title"/> is left out.</summary>
    public static string Extract(IDocument doc, string? title)
    {
        var body = doc.Body;
        if (body is null) return "";
        var stats = new Dictionary<IElement, NodeStats>();
        var none = new HashSet<IElement>();
        Measure(body, stats, none, inLink: false, depth: 0);
        string text = "";
        foreach (bool byClass in new[] { true, false })
        {
            var dropped = Prune(body, stats, stats[body].ParagraphChars, byClass);
            var kept = new Dictionary<IElement, NodeStats>();
            Measure(body, kept, dropped, inLink: false, depth: 0);
            var paragraphs = new List<string>();
            foreach (var node in ChooseContent(body, kept)) Write(node, kept, paragraphs);
            string attempt = string.Join("\n\n", Tidy(paragraphs, title));
            if (attempt.Length > text.Length) text = attempt;
            // Markup that names the article itself as furniture ("widget Blog") is rare; only a short result is worth a second look.
            if (text.Length >= RetryBelowChars) break;
        }
        return text;
    }

    /// <summary>Sizes of an element's text, counted with runs of white space as one character.</summary>
    private sealed class NodeStats
    {
        public int Chars;
        public int LinkChars;
        public int Commas;

        /// <summary>Characters inside paragraph elements (or text-only blocks) of at least <see cref="MinParagraphChars"/>.</summary>
        public int ParagraphChars;

        public bool HasBlockChild;

        /// <summary>A post quoted from a social network is among the element's descendants.</summary>
        public bool HoldsPost;

        public double Score;
        public bool Scored;

        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
    }

    /// <summary>Measures <paramref name="el"/> and its descendants, treating <paramref name="dropped"/> elements as absent.</summary>
    private static void Measure(IElement el, Dictionary<IElement, NodeStats> stats, HashSet<IElement> dropped, bool inLink, int depth)
    {
        var s = new NodeStats();
        stats[el] = s;
        if (depth >= MaxDepth)
        {
            (s.Chars, s.Commas) = Count(el.TextContent);
            return;
        }
        bool link = inLink || el.LocalName == "a";
        // Children are walked through the child list: AngleSharp finds a node's next sibling by searching its parent's
        // children, so NextSibling loops are quadratic in the number of siblings (a page of 30,000 <p> took minutes).
        foreach (var child in el.ChildNodes)
        {
            if (child is IElement ce)
            {
                if (dropped.Contains(ce)) continue;
                Measure(ce, stats, dropped, link, depth + 1);
                var cs = stats[ce];
                s.Chars += cs.Chars;
                s.LinkChars += cs.LinkChars;
                s.Commas += cs.Commas;
                s.ParagraphChars += cs.ParagraphChars;
                if (BlockTags.Contains(ce.LocalName)) s.HasBlockChild = true;
                if (cs.HoldsPost || IsEmbeddedPost(ce)) s.HoldsPost = true;
            }
            else if (child.NodeType == NodeType.Text)
            {
                var (chars, commas) = Count(child.TextContent);
                s.Chars += chars;
                s.Commas += commas;
                if (link) s.LinkChars += chars;
            }
        }
        if (IsParagraph(el, s) && s.Chars >= MinParagraphChars) s.ParagraphChars = s.Chars - s.LinkChars;
    }

    private static bool IsParagraph(IElement el, NodeStats s) =>
        ParagraphTags.Contains(el.LocalName) || (!s.HasBlockChild && el.LocalName is "div" or "section" or "article");

    private static (int Chars, int Commas) Count(string text)
    {
        int chars = 0, commas = 0;
        bool space = true;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) chars++;
                space = true;
                continue;
            }
            space = false;
            chars++;
            if (c is ',' or '，' or '،' or '、') commas++;
        }
        return (chars, commas);
    }

    /// <summary>Page furniture, hidden elements and (when <paramref name="byClass"/>) blocks whose class or id says they are not the article — unless they hold most of its text.</summary>
    private static HashSet<IElement> Prune(IElement root, Dictionary<IElement, NodeStats> stats, int pageParagraphChars, bool byClass)
    {
        var dropped = new HashSet<IElement>();
        void Visit(IElement el, int depth)
        {
            if (depth >= MaxDepth) return;
            foreach (var child in el.Children)
            {
                if (ShouldDrop(child, stats[child], pageParagraphChars, byClass)) dropped.Add(child);
                else Visit(child, depth + 1);
            }
        }
        Visit(root, 0);
        return dropped;
    }

    private static bool ShouldDrop(IElement el, NodeStats s, int pageParagraphChars, bool byClass)
    {
        // Whatever its markup says, an element holding most of the page's paragraphs is where the article is.
        bool holdsArticle = pageParagraphChars > 0 && s.ParagraphChars * 2 > pageParagraphChars;
        if (holdsArticle) return false;
        string tag = el.LocalName;
        if (NoiseTags.Contains(tag)) return true;
        if (tag == "header" && s.ParagraphChars < 400) return true;
        if (el.HasAttribute("hidden") || string.Equals(el.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (el.GetAttribute("style") is { } style && IsHiddenStyle(style)) return true;
        if (el.GetAttribute("role") is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alert") return true;
        // Posts quoted from social networks sit in "social" wrappers, but they are part of the article that quotes them.
        return byClass && ClassWeight(el) < 0 && !s.HoldsPost;
    }

    /// <summary>A post quoted from a social network, as its embed code marks it; found while measuring, so no element's descendants are searched again.</summary>
    private static bool IsEmbeddedPost(IElement el)
    {
        if (el.LocalName != "blockquote" || el.GetAttribute("class") is not { Length: > 0 }) return false;
        var classes = el.ClassList;
        return classes.Contains("twitter-tweet") || classes.Contains("instagram-media") || classes.Contains("tiktok-embed") || classes.Contains("bluesky-embed");
    }

    private static bool IsHiddenStyle(string style)
    {
        string compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// −1 when the class or id names page furniture, +1 when it names article content, 0 otherwise.
    /// A strong furniture word wins over content words ("related-articles"); a weak one only counts when no content word is present.
    /// </summary>
    private static int ClassWeight(IElement el)
    {
        string? cls = el.GetAttribute("class");
        string? id = el.Id;
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id)) return 0;
        bool content = false, weak = false;
        foreach (var word in ClassWords(cls).Concat(ClassWords(id)))
        {
            if (Boilerplate.TryGetValue(word, out var strength))
            {
                if (strength == "strong") return -1;
                weak = true;
            }
            else if (ContentWords.Contains(word))
            {
                content = true;
            }
        }
        return content ? 1 : weak ? -1 : 0;
    }

    /// <summary>The lower-cased words of a class or id attribute: split at anything not a letter and at lower-to-upper case changes.</summary>
    private static IEnumerable<string> ClassWords(string? attr)
    {
        if (string.IsNullOrEmpty(attr)) yield break;
        var sb = new StringBuilder();
        char prev = ' ';
        foreach (char c in attr)
        {
            bool letter = char.IsAsciiLetter(c);
            if (!letter || (char.IsUpper(c) && char.IsLower(prev)))
            {
                if (sb.Length > 0) yield return sb.ToString();
                sb.Clear();
            }
            if (letter) sb.Append(char.ToLowerInvariant(c));
            prev = c;
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>The element holding the article, with the siblings that continue it, in document order.</summary>
    private static List<IElement> ChooseContent(IElement body, Dictionary<IElement, NodeStats> stats)
    {
        var candidates = new List<IElement>();
        foreach (var (el, s) in stats)
        {
            if (s.Chars < MinParagraphChars || !IsParagraph(el, s) || s.ParagraphChars == 0) continue;
            double score = 1 + Math.Min(s.Commas, 30) + Math.Min(s.Chars / 100.0, 3);
            var ancestor = el.ParentElement;
            for (int level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                var a = stats[ancestor];
                if (!a.Scored)
                {
                    a.Scored = true;
                    a.Score = BaseScore(ancestor);
                    candidates.Add(ancestor);
                }
                a.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
                if (ancestor == body) break;
            }
        }
        if (candidates.Count == 0) return [body];
        foreach (var c in candidates) stats[c].Score *= 1 - stats[c].LinkDensity;
        var ranked = candidates.OrderByDescending(c => stats[c].Score).ToList();
        var top = ranked[0];
        double topScore = stats[top].Score;

        // When several strong candidates sit under one ancestor (an article split by ads into blocks), the ancestor is the article.
        var rivals = ranked.Skip(1).Take(4).Where(c => stats[c].Score >= topScore * 0.75 && !c.Contains(top) && !top.Contains(c)).ToList();
        var up = top.ParentElement;
        for (int level = 0; up is not null && up != body && level < 3 && rivals.Count > 0; level++, up = up.ParentElement)
        {
            if (rivals.Any(r => up.Contains(r)))
            {
                top = up;
                break;
            }
        }
        // An only child, or a parent scored nearly as well, means the article is the wider element.
        for (var parent = top.ParentElement; parent is not null && top != body && stats.TryGetValue(parent, out var ps); parent = parent.ParentElement)
        {
            if (parent.ChildElementCount == 1 || (ps.Scored && ps.Score >= topScore * 0.9 && ps.ParagraphChars <= stats[top].ParagraphChars * 1.1)) top = parent;
            else break;
        }
        topScore = Math.Max(topScore, stats[top].Score);

        var parentOfTop = top.ParentElement;
        if (parentOfTop is null || top == body) return [top];
        var kept = new List<IElement>();
        double threshold = Math.Max(10, topScore * 0.2);
        string? topClass = top.GetAttribute("class");
        foreach (var sibling in parentOfTop.Children)
        {
            if (sibling == top)
            {
                kept.Add(sibling);
                continue;
            }
            if (!stats.TryGetValue(sibling, out var s)) continue;
            double bonus = topClass is { Length: > 0 } && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (s.Scored && s.Score + bonus >= threshold) kept.Add(sibling);
            else if (sibling.LocalName == "p" || (IsParagraph(sibling, s) && sibling.LocalName is "div"))
            {
                if (s.Chars > 80 && s.LinkDensity < 0.25) kept.Add(sibling);
                else if (s.Chars is > 0 and <= 80 && s.LinkDensity == 0 && EndsSentence(sibling.TextContent)) kept.Add(sibling);
            }
        }
        return kept;
    }

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or '»';
    }

    private static double BaseScore(IElement el)
    {
        double score = el.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + (ClassWeight(el) * 25);
    }

    /// <summary>Writes an element's text as paragraphs, leaving out link lists and empty-looking blocks inside the article.</summary>
    private static void Write(IElement root, Dictionary<IElement, NodeStats> stats, List<string> paragraphs)
    {
        var current = new StringBuilder();
        void Flush()
        {
            string p = Words.SingleSpaced(current.ToString()).Trim();
            if (p.Length > 0) paragraphs.Add(p);
            current.Clear();
        }
        void Visit(INode node, bool pre, int depth)
        {
            if (node is IElement el)
            {
                if (depth >= MaxDepth)
                {
                    current.Append(el.TextContent);
                    return;
                }
                // Elements without measurements were pruned.
                if (!stats.TryGetValue(el, out var s) || IsClutter(el, s)) return;
                string tag = el.LocalName;
                if (tag == "br")
                {
                    if (pre) current.Append('\n');
                    else Flush();
                    return;
                }
                bool block = BlockTags.Contains(tag);
                if (block) Flush();
                bool inPre = pre || tag == "pre";
                foreach (var child in el.ChildNodes) Visit(child, inPre, depth + 1);
                if (block) Flush();
                else if (tag is "td" or "th") current.Append(' ');
            }
            else if (node.NodeType == NodeType.Text)
            {
                current.Append(node.TextContent);
            }
        }
        Visit(root, pre: false, depth: 0);
        Flush();
    }

    /// <summary>A block inside the chosen container that is not prose: a list or box of links, or a heading-only box of links.</summary>
    private static bool IsClutter(IElement el, NodeStats s)
    {
        string tag = el.LocalName;
        // The headline is the page's title, not part of the body.
        if (tag == "h1") return true;
        // A short paragraph that is nothing but a link points elsewhere ("READ MORE ON …", a related headline).
        if (s.Chars is > 0 and < 150 && s.LinkDensity >= 0.9 && tag is "p" or "h2" or "h3" or "h4" or "li" or "div") return true;
        if (tag is "ul" or "ol" or "div" or "table" or "section" or "dl" or "p" or "li")
        {
            if (s.Chars == 0) return false;
            if (s.Commas >= 10 && s.LinkDensity < 0.5) return false;
            if (s.LinkDensity > 0.5 && tag != "p") return true;
            if (s.LinkDensity > 0.33 && tag is "ul" or "ol" or "div" or "section" && s.Chars < 1000 && s.ParagraphChars < 200) return true;
        }
        return false;
    }

    /// <summary>Drops stray labels left by page furniture ("Advertisement", "Share") and the line-level clutter of chosen containers.</summary>
    private static IEnumerable<string> Tidy(List<string> paragraphs, string? title)
    {
        foreach (var p in paragraphs)
        {
            if (p.Length < 40 && IsStrayLabel(p)) continue;
            if (title is not null && string.Equals(p, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (p.Length < 80 && IsTimestampLine(p)) continue;
            yield return p;
        }
    }
    /// <summary>"Posted: Fri 6:45 PM, Feb 16, 2018 |", "Updated at 1:23 p.m." — the page's clock, not the article.</summary>
    private static bool IsTimestampLine(string p) =>
        (p.StartsWith("Posted", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Updated", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Published", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Last updated", StringComparison.OrdinalIgnoreCase))
        && p.Any(char.IsDigit);

    private static bool IsStrayLabel(string p) => StrayLabels.Contains(p.Trim().TrimEnd('.', '…'));
}
