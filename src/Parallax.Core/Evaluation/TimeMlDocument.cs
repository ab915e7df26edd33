using System.Text;
using System.Xml;
using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>A gold time expression: its span in the document text, TIMEX3 type and value.</summary>
public sealed record GoldTimex(Span Span, string Type, string Value);

/// <summary>A TimeML news document: the text of its TEXT element, its creation time, and its gold TIMEX3 annotations.</summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? CreationTime, IReadOnlyList<GoldTimex> Gold)
{
    /// <summary>Reads a .tml file safely: no DTD processing and no external resources.</summary>
    public static TimeMlDocument Read(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = false,
            MaxCharactersInDocument = 50_000_000,
        };
        using var reader = XmlReader.Create(path, settings);
        var text = new StringBuilder();
        var gold = new List<GoldTimex>();
        var open = new Stack<(int Start, string Type, string Value)>();
        DateOnly? dct = null;
        bool inText = false, inDct = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Name == "TEXT") inText = true;
                    else if (reader.Name == "DCT") inDct = true;
                    else if (reader.Name == "TIMEX3")
                    {
                        string type = reader.GetAttribute("type") ?? "";
                        string value = reader.GetAttribute("value") ?? "";
                        if (inDct || reader.GetAttribute("functionInDocument") == "CREATION_TIME")
                        {
                            if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) dct = d;
                        }
                        if (inText && !reader.IsEmptyElement) open.Push((text.Length, type, value));
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Name == "TEXT") inText = false;
                    else if (reader.Name == "DCT") inDct = false;
                    else if (reader.Name == "TIMEX3" && inText && open.Count > 0)
                    {
                        var (start, type, value) = open.Pop();
                        gold.Add(new GoldTimex(new Span(start, text.Length), type, value));
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    if (inText) text.Append(reader.Value);
                    break;
            }
        }
        gold.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), dct, gold);
    }
}
