using Xunit;
using static Parallax.Tests.BriefSteps.StepDrafts;

namespace Parallax.Tests.BriefSteps;

/// <summary>The alignment step: claims of different sources that state one fact are one cluster, and the index finds it.</summary>
public sealed class AlignmentStepTests
{
    [Fact]
    public void Two_sources_sentences_of_one_claim_are_one_cluster()
    {
        var draft = Through("alignment", DisputedVote());
        var wire = Unit(draft, "wire", "approved");
        var ledger = Unit(draft, "ledger", "approved");
        Assert.True(wire.Cluster >= 0);
        Assert.Equal(wire.Cluster, ledger.Cluster);
        Assert.Equal([ledger, wire], draft.Clusters[wire.Cluster].OrderBy(u => u.Article, StringComparer.Ordinal));
        // Claims only one source states are clusters of their own.
        Assert.NotEqual(Unit(draft, "wire", "$42 million").Cluster, Unit(draft, "ledger", "Critics").Cluster);
    }

    [Fact]
    public void The_fact_index_gives_the_fact_of_a_position_and_none_for_a_sentence_no_claim_has()
    {
        var draft = Through("alignment", DisputedVote());
        var wire = Unit(draft, "wire", "approved");
        Assert.Equal(wire.Cluster, draft.FactIndex.FactOf("wire", wire.Index, wire.Span.Start + 5));
        Assert.Equal(wire.Cluster, draft.FactIndex.FactOf("ledger", Unit(draft, "ledger", "approved").Index, 10));
        Assert.Equal(-1, draft.FactIndex.FactOf("wire", 99, 0));
        Assert.Equal(-1, draft.FactIndex.FactOf("nobody", 0, 0));
    }
}
