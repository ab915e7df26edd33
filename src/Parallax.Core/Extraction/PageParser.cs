using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Mathml.Dom;
using AngleSharp.Svg.Dom;

namespace Parallax.Extraction;

/// <summary>
/// Parses a page within two limits, so that no page costs more than seconds. The HTML parser's scope checks walk its stack
/// of open elements on most tags, so its time grows with nesting depth times page size: a 1 MB page of unclosed &lt;div&gt;
/// tags took minutes. And formatting elements left open are cloned into every later paragraph, so 80 KB of markup can make
/// a million elements. Every element the parser makes, clones included, is counted as it is made, and the depth of each is
/// checked when the next is made; past either limit the parse stops with <see cref="PageRefusedException"/>.
/// </summary>
internal static class PageParser
{
    private static readonly IElementFactory<Document, HtmlElement> HtmlElements = Default<HtmlElement>();
    private static readonly IElementFactory<Document, SvgElement> SvgElements = Default<SvgElement>();
    private static readonly IElementFactory<Document, MathElement> MathElements = Default<MathElement>();

    /// <summary>The document <paramref name="html"/> holds; throws <see cref="PageRefusedException"/> past <paramref name="maxDepth"/> or <paramref name="maxElements"/>.</summary>
    public static IHtmlDocument Parse(string html, int maxDepth = PageExtractor.MaxDepth, int maxElements = PageExtractor.MaxElements)
    {
        var budget = new Budget(maxDepth, maxElements);
        // A context of its own per page: the factories carry this page's count, and the parser is not shared between threads.
        var config = Configuration.Default
            .WithOnly<IElementFactory<Document, HtmlElement>>(new Counted<HtmlElement>(HtmlElements, budget))
            .WithOnly<IElementFactory<Document, SvgElement>>(new Counted<SvgElement>(SvgElements, budget))
            .WithOnly<IElementFactory<Document, MathElement>>(new Counted<MathElement>(MathElements, budget));
        // The parser stops nesting at its own depth (512 by default) and places deeper elements beside the deepest, while its
        // stack of open elements, and its time, keep growing; one level more than the limit lets the check see a deeper page.
        var options = new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false, MaximumDepth = maxDepth + 1 };
        var parser = new HtmlParser(options, BrowsingContext.New(config));
        var doc = parser.ParseDocument(html);
        try
        {
            budget.CheckLast();
        }
        catch (PageRefusedException)
        {
            doc.Dispose();
            throw;
        }
        return doc;
    }

    private static IElementFactory<Document, T> Default<T>() where T : Element =>
        BrowsingContext.New().GetService<IElementFactory<Document, T>>() ?? throw new InvalidOperationException($"AngleSharp has no element factory for {typeof(T).Name}");

    /// <summary>Elements made for one page, and the last of them, whose depth is known once the parser has placed it.</summary>
    private sealed class Budget(int maxDepth, int maxElements)
    {
        private int _made;
        private Element? _last;

        /// <summary>Called before each element is made: checks where the previous one was placed, and counts this one.</summary>
        public void Admit()
        {
            CheckLast();
            if (++_made > maxElements)
            {
                throw new PageRefusedException($"the page holds more than {maxElements:N0} elements, past the limit for a page (article pages hold a few thousand), so it is not read; give the article's own page, or its text");
            }
        }

        public T Made<T>(T element) where T : Element
        {
            _last = element;
            return element;
        }

        /// <summary>
        /// Refuses the page when the last element made sits deeper than the limit. The walk up stops at the limit, so it costs
        /// at most that many steps per element (about 20 on article pages), and needs no record of depths that the parser's
        /// moving of elements (for misnested formatting tags) could make stale.
        /// </summary>
        public void CheckLast()
        {
            if (_last is null) return;
            int depth = 0;
            for (INode? node = _last; node is not null and not IDocument; node = node.Parent)
            {
                if (++depth > maxDepth)
                {
                    throw new PageRefusedException($"the page nests elements more than {maxDepth} deep, past the limit for a page (article pages nest fewer than 60), so it is not read; give the article's own page, or its text");
                }
            }
        }
    }

    /// <summary>The parser's own factory for one kind of element, counting what it makes against the page's budget.</summary>
    private sealed class Counted<T>(IElementFactory<Document, T> inner, Budget budget) : IElementFactory<Document, T> where T : Element
    {
        public T Create(Document document, string localName, string? prefix = null, NodeFlags flags = NodeFlags.None)
        {
            budget.Admit();
            return budget.Made(inner.Create(document, localName, prefix, flags));
        }
    }
}
