using Parallax.Pipeline;
using Parallax.Stories;

namespace Parallax.Briefing;

/// <summary>The parts of a brief as its steps declare what they read and write.</summary>
[Flags]
public enum BriefLayer
{
    None = 0,

    /// <summary>The story's articles, undated ones dated from the rest (<see cref="BriefDraft.Articles"/>).</summary>
    Dates = 1,

    /// <summary>Entities across sources and each name's canonical form (<see cref="BriefDraft.Names"/>).</summary>
    Names = 2,

    /// <summary>The claims of independent sources' sentences (<see cref="BriefDraft.Units"/>).</summary>
    Units = 4,

    /// <summary>Claims aligned into facts, and which fact holds a position (<see cref="BriefDraft.Clusters"/>, <see cref="BriefDraft.FactIndex"/>).</summary>
    Alignment = 8,

    /// <summary>The dates and figures sources state (<see cref="BriefDraft.Mentions"/>).</summary>
    Values = 16,

    /// <summary>Quotes grouped by speaker and wording, and rival attributions (<see cref="BriefDraft.Quotes"/>).</summary>
    Quotes = 32,

    /// <summary>Conflicts shown and held back, the disputed values and the minority wordings (<see cref="BriefDraft.Conflicts"/>).</summary>
    Conflicts = 64,

    /// <summary>The facts with their sources and disputes, and their ranking (<see cref="BriefDraft.Facts"/>).</summary>
    Facts = 128,

    /// <summary>Dated events on the calendar (<see cref="BriefDraft.Timeline"/>).</summary>
    Timeline = 256,

    /// <summary>The summary's sentences (<see cref="BriefDraft.Summary"/>).</summary>
    Summary = 512,

    /// <summary>The brief's title and the story's date (<see cref="BriefDraft.Title"/>, <see cref="BriefDraft.Date"/>).</summary>
    Title = 1024,
}

/// <summary>One step of briefing a story. Steps hold no per-story state, so one instance serves every thread.</summary>
public interface IBriefStep
{
    /// <summary>A short name for diagnostics and timing ("facts", "conflicts").</summary>
    string Name { get; }

    /// <summary>The layers this step reads; the pipeline refuses it unless an earlier step writes each of them.</summary>
    BriefLayer Reads { get; }

    /// <summary>The layers this step sets; no other step of the pipeline may set them.</summary>
    BriefLayer Writes { get; }

    void Run(BriefDraft draft);
}

/// <summary>
/// The brief of one story while its steps run: each step reads the layers earlier steps set and sets its own. A step that
/// touches a layer it did not declare fails at once, so the declarations the pipeline orders steps by stay true.
/// </summary>
public sealed class BriefDraft(Story story, AnalysisPipeline analysis)
{
    private const BriefLayer Every = (BriefLayer)(-1);

    private IBriefStep? _step;
    private BriefLayer _readable = Every;
    private BriefLayer _writable = Every;

    private StoryArticles? _articles;
    private NameResolution? _names;
    private List<SentenceUnit>? _units;
    private FactAligner? _aligner;
    private List<List<SentenceUnit>>? _clusters;
    private FactIndex? _factIndex;
    private List<ValueMention>? _mentions;
    private List<QuoteGroup>? _quotes;
    private List<Conflict>? _attributions;
    private List<Conflict>? _conflicts;
    private List<Conflict>? _heldBack;
    private DisputedValues? _disputed;
    private List<Support>? _minority;
    private List<Fact>? _facts;
    private Dictionary<int, SentenceUnit>? _representatives;
    private List<int>? _factOrder;
    private List<Fact>? _rankedFacts;
    private List<List<SentenceUnit>>? _factUnits;
    private List<TimelineEntry>? _timeline;
    private List<SummarySentence>? _summary;
    private string? _title;
    private DateOnly? _date;

    public Story Story { get; } = story;

    /// <summary>Analyses again an article given a date it lacked.</summary>
    public AnalysisPipeline Analysis { get; } = analysis;

    /// <summary>The layers set so far.</summary>
    public BriefLayer Written { get; private set; }

    public StoryArticles Articles { get => Get(_articles, BriefLayer.Dates); set => _articles = Set(value, BriefLayer.Dates); }

    public NameResolution Names { get => Get(_names, BriefLayer.Names); set => _names = Set(value, BriefLayer.Names); }

    public List<SentenceUnit> Units { get => Get(_units, BriefLayer.Units); set => _units = Set(value, BriefLayer.Units); }

    public FactAligner Aligner { get => Get(_aligner, BriefLayer.Alignment); set => _aligner = Set(value, BriefLayer.Alignment); }

    /// <summary>The aligned claims: fact k is cluster k.</summary>
    public List<List<SentenceUnit>> Clusters { get => Get(_clusters, BriefLayer.Alignment); set => _clusters = Set(value, BriefLayer.Alignment); }

    public FactIndex FactIndex { get => Get(_factIndex, BriefLayer.Alignment); set => _factIndex = Set(value, BriefLayer.Alignment); }

    internal List<ValueMention> Mentions { get => Get(_mentions, BriefLayer.Values); set => _mentions = Set(value, BriefLayer.Values); }

    public List<QuoteGroup> Quotes { get => Get(_quotes, BriefLayer.Quotes); set => _quotes = Set(value, BriefLayer.Quotes); }

    /// <summary>The same words given to different people by different sources.</summary>
    public List<Conflict> Attributions { get => Get(_attributions, BriefLayer.Quotes); set => _attributions = Set(value, BriefLayer.Quotes); }

    /// <summary>The conflicts the brief is sure enough of to show.</summary>
    public List<Conflict> Conflicts { get => Get(_conflicts, BriefLayer.Conflicts); set => _conflicts = Set(value, BriefLayer.Conflicts); }

    public List<Conflict> HeldBackConflicts { get => Get(_heldBack, BriefLayer.Conflicts); set => _heldBack = Set(value, BriefLayer.Conflicts); }

    public DisputedValues Disputed { get => Get(_disputed, BriefLayer.Conflicts); set => _disputed = Set(value, BriefLayer.Conflicts); }

    /// <summary>Where sources state a shown conflict's minority value or spelling: kept out of facts' wording and the summary.</summary>
    public List<Support> Minority { get => Get(_minority, BriefLayer.Conflicts); set => _minority = Set(value, BriefLayer.Conflicts); }

    /// <summary>The facts in cluster order: fact k is <see cref="Clusters"/>[k].</summary>
    public List<Fact> Facts { get => Get(_facts, BriefLayer.Facts); set => _facts = Set(value, BriefLayer.Facts); }

    /// <summary>The claims that state each fact, by cluster: fact k's support (an aligned claim that only touches it is not among them).</summary>
    public List<List<SentenceUnit>> FactUnits { get => Get(_factUnits, BriefLayer.Facts); set => _factUnits = Set(value, BriefLayer.Facts); }

    /// <summary>The claim that words each fact, by cluster.</summary>
    public Dictionary<int, SentenceUnit> Representatives { get => Get(_representatives, BriefLayer.Facts); set => _representatives = Set(value, BriefLayer.Facts); }

    /// <summary>Cluster indices, most-corroborated first.</summary>
    public List<int> FactOrder { get => Get(_factOrder, BriefLayer.Facts); set => _factOrder = Set(value, BriefLayer.Facts); }

    /// <summary>The facts in <see cref="FactOrder"/>.</summary>
    public List<Fact> RankedFacts { get => Get(_rankedFacts, BriefLayer.Facts); set => _rankedFacts = Set(value, BriefLayer.Facts); }

    public List<TimelineEntry> Timeline { get => Get(_timeline, BriefLayer.Timeline); set => _timeline = Set(value, BriefLayer.Timeline); }

    public List<SummarySentence> Summary { get => Get(_summary, BriefLayer.Summary); set => _summary = Set(value, BriefLayer.Summary); }

    public string Title { get => Get(_title, BriefLayer.Title); set => _title = Set(value, BriefLayer.Title); }

    /// <summary>The date most of the story's articles carry themselves; null when none does (read once the title is written).</summary>
    public DateOnly? Date
    {
        get
        {
            Get(_title, BriefLayer.Title);
            return _date;
        }
        set => _date = Set(value, BriefLayer.Title);
    }

    /// <summary>The finished brief, once every layer it shows is written.</summary>
    public Brief ToBrief()
    {
        var briefArticles = Articles.All.Select(a => new BriefArticle(a, Story.DuplicateOf.GetValueOrDefault(a.Id))).ToList();
        return new Brief(Story.Id, Title, Date, briefArticles, Summary, RankedFacts, Conflicts, Quotes, Names.Entities, Timeline) { HeldBackConflicts = HeldBackConflicts };
    }

    /// <summary>Lets <paramref name="step"/> read and write only what it declares until <see cref="EndStep"/>.</summary>
    internal void BeginStep(IBriefStep step)
    {
        _step = step;
        _readable = step.Reads | step.Writes;
        _writable = step.Writes;
    }

    internal void EndStep()
    {
        _step = null;
        _readable = _writable = Every;
    }

    private T Get<T>(T? value, BriefLayer layer) where T : class
    {
        if ((_readable & layer) == 0) throw new InvalidOperationException($"step '{_step?.Name}' reads {layer} without declaring it");
        return value ?? throw new InvalidOperationException($"{layer} is not written yet: run the step that writes it first");
    }

    private T Set<T>(T value, BriefLayer layer)
    {
        if ((_writable & layer) == 0) throw new InvalidOperationException($"step '{_step?.Name}' writes {layer} without declaring it");
        Written |= layer;
        return value;
    }
}
