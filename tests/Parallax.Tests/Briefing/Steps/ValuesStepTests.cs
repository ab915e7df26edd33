using Parallax.Briefing;
using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The values step: the dates and figures each source states, each with the fact it belongs to.</summary>
public sealed class ValuesStepTests
{
    [Fact]
    public void Each_source_states_a_date_of_the_vote_resolved_against_its_publication_day()
    {
        var draft = Through("values", DisputedVote());
        var wire = Assert.Single(draft.Mentions, m => m.Article == "wire" && m.Kind == ConflictKind.Time);
        var ledger = Assert.Single(draft.Mentions, m => m.Article == "ledger" && m.Kind == ConflictKind.Time);
        Assert.Equal(("2025-03-04", "Tuesday"), (wire.Value, wire.Text));
        Assert.Equal(("2025-03-05", "Wednesday"), (ledger.Value, ledger.Text));
        // Both belong to the one fact of the vote.
        Assert.True(wire.Fact >= 0);
        Assert.Equal(wire.Fact, ledger.Fact);
        Assert.Equal(Unit(draft, "wire", "approved").Cluster, wire.Fact);
    }

    [Fact]
    public void A_figure_is_a_value_with_its_unit()
    {
        var draft = Through("values", DisputedVote());
        var figure = Assert.Single(draft.Mentions, m => m.Kind == ConflictKind.Quantity);
        Assert.Equal(("wire", "42,000,000 USD"), (figure.Article, figure.Value));
    }
}
