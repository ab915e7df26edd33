using System.CommandLine;
using Parallax.Reading;

namespace Parallax.Cli;

/// <summary>The options that set <see cref="ReadLimits"/> for a command that reads inputs; every refusal message names the option to raise.</summary>
internal sealed class LimitOptions
{
    private readonly Option<int> _article = new("--max-article-chars")
    {
        Description = $"Largest article text, in characters; longer articles are refused with one line. Default {ReadLimits.Default.MaxArticleChars:N0}.",
        DefaultValueFactory = _ => ReadLimits.Default.MaxArticleChars,
        HelpName = "N",
    };

    private readonly Option<int> _line = new("--max-line-mb")
    {
        Description = $"Largest line of a .jsonl input, in MB; a longer line is skipped (and named) without being held in memory. Default {ReadLimits.Default.MaxLineBytes >> 20}.",
        DefaultValueFactory = _ => ReadLimits.Default.MaxLineBytes >> 20,
        HelpName = "MB",
    };

    private readonly Option<int> _page = new("--max-page-mb")
    {
        Description = $"Largest .txt or .html file, in MB after decompression. Default {ReadLimits.Default.MaxPageBytes >> 20}.",
        DefaultValueFactory = _ => ReadLimits.Default.MaxPageBytes >> 20,
        HelpName = "MB",
    };

    private readonly Option<int> _input = new("--max-input-mb")
    {
        Description = $"Largest input file as a whole, in MB after decompression (a compression bomb stops here). Default {ReadLimits.Default.MaxInputBytes >> 20}.",
        DefaultValueFactory = _ => (int)(ReadLimits.Default.MaxInputBytes >> 20),
        HelpName = "MB",
    };

    public void AddTo(Command cmd)
    {
        cmd.Add(_article);
        cmd.Add(_line);
        cmd.Add(_page);
        cmd.Add(_input);
    }

    /// <summary>The limits asked for, or why they cannot be used.</summary>
    public ReadLimits? Get(ParseResult parse, TextWriter stderr)
    {
        int article = parse.GetValue(_article), line = parse.GetValue(_line), page = parse.GetValue(_page), input = parse.GetValue(_input);
        if (article is < 1 or > 1_000_000_000) return Refuse(stderr, "--max-article-chars takes a number of characters from 1 to 1,000,000,000");
        if (line is < 1 or > 1024) return Refuse(stderr, "--max-line-mb takes a size in MB from 1 to 1024");
        if (page is < 1 or > 1024) return Refuse(stderr, "--max-page-mb takes a size in MB from 1 to 1024");
        if (input < 1) return Refuse(stderr, "--max-input-mb takes a size in MB of 1 or more");
        return new ReadLimits { MaxArticleChars = article, MaxLineBytes = line << 20, MaxPageBytes = page << 20, MaxInputBytes = (long)input << 20 };
    }

    private static ReadLimits? Refuse(TextWriter stderr, string message)
    {
        ParallaxCli.Fail(stderr, message);
        return null;
    }
}
