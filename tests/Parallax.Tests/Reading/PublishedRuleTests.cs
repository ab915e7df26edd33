using System.Text.Json;
using Parallax.Reading;
using Xunit;

namespace Parallax.Tests;

/// <summary>The one rule for a publication date wherever it is given: empty is undated, a time must be a time, a non-string is refused.</summary>
public sealed class PublishedRuleTests
{
    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("   ", true, null)]
    [InlineData("2025-02-03", true, "2025-02-03")]
    [InlineData("2025-02-03T09:30Z", true, "2025-02-03")]
    [InlineData("2025-02-03 23:59:59+0100", true, "2025-02-03")]
    [InlineData("2025-02-03T25:61:00Z", false, "is not a valid time")]
    [InlineData("2025-02-03T23:60:00Z", false, "is not a valid time")]
    [InlineData("2025-02-03T10:00:00+15:00", false, "is not a valid time")]
    [InlineData("2025-13-01", false, "is not a date (no such day)")]
    [InlineData("0001-01-01", false, "is outside 1900")]
    [InlineData("March 3, 2025", false, "is not a date")]
    public void Iso_only_as_the_api_and_form_take_it(string? text, bool ok, string? expected)
    {
        Assert.Equal(ok, DateParsing.TryParsePublished(text, out var date, out var problem, isoOnly: true));
        if (ok)
        {
            Assert.Null(problem);
            Assert.Equal(expected, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.Null(date);
            Assert.StartsWith("published \"", problem, StringComparison.Ordinal);
            Assert.Contains(expected!, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_looser_forms_of_files_keep_their_formats_but_not_an_impossible_time()
    {
        Assert.True(DateParsing.TryParsePublished("March 3, 2025", out var date, out _));
        Assert.Equal(new DateOnly(2025, 3, 3), date);
        Assert.True(DateParsing.TryParse("2025-02-03 10:00:00 EST", out var prefixed));
        Assert.Equal(new DateOnly(2025, 2, 3), prefixed);
        // Once read by the date's first ten characters, whatever followed; an impossible time now refuses the date.
        Assert.False(DateParsing.TryParse("2025-02-03T25:61:00Z", out _));
        Assert.False(DateParsing.TryParsePublished("2025-02-03T25:61:00Z", out _, out var problem));
        Assert.Contains("hour 25", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", true)]
    [InlineData("\"\"", true)]
    [InlineData("\"2025-02-03\"", true)]
    [InlineData("5", false)]
    [InlineData("false", false)]
    [InlineData("[\"2025-02-03\"]", false)]
    public void A_json_value_is_a_string_or_null(string json, bool ok)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(ok, DateParsing.TryParsePublished(doc.RootElement, out _, out var problem));
        if (!ok) Assert.StartsWith("published must be a date written as a string", problem, StringComparison.Ordinal);
    }
}
