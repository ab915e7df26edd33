namespace Parallax.Briefing.Steps;

/// <summary>Aligns claims of different sources that state one fact (<see cref="FactAligner"/>), and indexes which fact holds each position.</summary>
public sealed class AlignmentStep : IBriefStep
{
    public string Name => "alignment";

    public BriefLayer Reads => BriefLayer.Units;

    public BriefLayer Writes => BriefLayer.Alignment;

    public void Run(BriefDraft draft)
    {
        var units = draft.Units;
        var aligner = new FactAligner(units);
        draft.Aligner = aligner;
        draft.Clusters = aligner.Align();
        draft.FactIndex = new FactIndex(units);
    }
}
