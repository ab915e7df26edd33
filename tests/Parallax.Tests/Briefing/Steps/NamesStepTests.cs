using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The names step: one entity for a person however the sources spell her, and names resolved to its spelling.</summary>
public sealed class NamesStepTests
{
    [Fact]
    public void A_name_one_source_misspells_is_one_person_and_resolves_to_the_common_spelling()
    {
        var names = Through("names",
            Report("wire", "Harbor Wire", "Mayor Elena Marsh said the harbor budget was approved."),
            Report("ledger", "Metro Ledger", "Mayor Elena Marsh welcomed the approval of the harbor budget."),
            Report("courier", "Avalen Courier", "Mayor Elena Marsch praised the harbor budget.")).Names;
        var marsh = Assert.Single(names.Entities, e => e.Name == "Elena Marsh");
        var odd = Assert.Single(marsh.Variants, v => v.Suspect);
        Assert.Equal("Elena Marsch", odd.Name);
        Assert.Equal("Elena Marsh", names.Canonical("courier", "Elena Marsch"));
        Assert.Equal("Avalen", names.Canonical("wire", "Avalen")); // a name no entity has is its own canonical form
    }
}
