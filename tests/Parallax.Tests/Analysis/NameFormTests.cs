using Parallax.Model;
using Parallax.Resolution;
using Xunit;

namespace Parallax.Tests;

/// <summary>
/// Two names that differ in one word are one name respelled only when that word is misspelled: a place and its people,
/// a party's adjective and its plural, two compass points are different words, never a conflict of spelling.
/// </summary>
public sealed class NameFormTests
{
    [Theory]
    [InlineData("West Virginia", "West Virginians", EntityType.Place)]
    [InlineData("House Democratic", "House Democrats", EntityType.Organization)]
    [InlineData("Texas", "Texans", EntityType.Place)]
    [InlineData("Southern California", "Northern California", EntityType.Place)]
    [InlineData("Southern California", "Northern California", EntityType.Person)]
    public void Another_form_of_a_word_is_no_spelling_of_the_name(string a, string b, EntityType type) =>
        Assert.NotEqual(NameVariantKind.SuspectSpelling, EntityLinker.Compare(type, a.Split(' '), a, b.Split(' '), b));

    [Theory]
    [InlineData("House Republicans", "House Republicanns")]
    [InlineData("Illinois", "Illinnois")]
    public void A_letter_doubled_or_slipped_at_the_end_is_still_a_suspect_spelling(string a, string b) =>
        Assert.Equal(NameVariantKind.SuspectSpelling, EntityLinker.Compare(EntityType.Place, a.Split(' '), a, b.Split(' '), b));

    [Theory]
    [InlineData("Virginia", "Virginians", true)]
    [InlineData("Democratic", "Democrats", true)]
    [InlineData("Korea", "Koreans", true)]
    [InlineData("Republicans", "Republicanns", false)]
    [InlineData("Kentucky", "Kentucki", false)]
    [InlineData("Illinois", "Illinnois", false)]
    public void Word_forms_are_told_from_slips(string a, string b, bool form) => Assert.Equal(form, NameForms.WordForm(a, b));
}
