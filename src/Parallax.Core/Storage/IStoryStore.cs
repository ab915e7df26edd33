using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Storage;

/// <summary>
/// A store that keeps articles and the stories made of them, and answers what the CLI and the web server show. SQLite
/// (<see cref="SqliteStore"/>) implements it; a server database can implement the same contract. Every write is one
/// transaction: a process killed at any point leaves what was committed, and nothing half-written.
/// </summary>
public interface IStoryStore : IArticleStore, ISharedWork
{
    /// <summary>Where the store is, as messages name it: a file path, or a server's address without its password.</summary>
    string Path { get; }

    /// <summary>A quick look at the store's health: null when it passes, else what is wrong.</summary>
    string? QuickCheck();

    /// <summary>The topics stories carry, with how many stories each, commonest first.</summary>
    IReadOnlyList<(string Topic, int Stories)> StoryTopics(int limit = 200);

    /// <summary>The outlets that carry stories, with how many stories each, most first.</summary>
    IReadOnlyList<(string Outlet, int Stories)> StoryOutlets(int limit = 500);

    /// <summary>Stores each article unless its address or text is already there, in one transaction; outcomes in input order.</summary>
    IReadOnlyList<AddOutcome> AddAll(IReadOnlyList<Article> articles);

    /// <summary>True when articles were added since stories were last brought up to date (see <see cref="StoryRefresher"/>).</summary>
    bool StoriesPending { get; }

    /// <summary>Articles whose story features are not computed yet, in arrival order, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredArticle> Unfeatured(int limit);

    /// <summary>Stores computed features, in one transaction.</summary>
    void SaveFeatures(IReadOnlyList<StoryFeatures> features);

    /// <summary>The features of every article that has them, in arrival order, with its arrival number.</summary>
    IReadOnlyList<(long Seq, StoryFeatures Features)> Features();

    /// <summary>
    /// Featured articles after arrival number <paramref name="afterSeq"/> that are in no story (and not set aside), in
    /// arrival order: what the live path (<see cref="LiveStories"/>) has still to place.
    /// </summary>
    IReadOnlyList<(long Seq, StoryFeatures Features)> Unplaced(long afterSeq);

    /// <summary>The arrival number of the newest stored article (0 when none).</summary>
    long LastSeq { get; }

    /// <summary>Which story each article is in, with the article it copies: every stored story's membership.</summary>
    IReadOnlyList<(string Story, string Article, string? DuplicateOf)> Memberships();

    /// <summary>A number that changes whenever stories are written: a process that keeps stories in memory knows from it whether another process wrote since.</summary>
    long StoriesVersion { get; }

    /// <summary>
    /// How many times every article was analysed afresh (<see cref="BeginReanalysis"/>); 0 for a store never re-analysed. It
    /// salts story keys (<see cref="StoryRefresher.MembersKey"/>), so a re-analysis rebriefs every story.
    /// </summary>
    long AnalysisGeneration { get; }

    /// <summary>Whether a re-analysis was begun and its stories are not yet all briefed again.</summary>
    bool Reanalysing { get; }

    /// <summary>
    /// Begins analysing every article afresh (after the analyzers changed), in one transaction: a new
    /// <see cref="AnalysisGeneration"/>, every article's features forgotten (articles set aside are tried again), and the
    /// stories pending. Stories and briefs stay as they are — served — until a refresh replaces each.
    /// </summary>
    void BeginReanalysis();

    /// <summary>Each stored story's id and the hash of its membership.</summary>
    IReadOnlyDictionary<string, string> StoryKeys();

    /// <summary>
    /// Writes rebuilt stories and removes vanished ones, in one transaction. <paramref name="upToDateThrough"/>, when given,
    /// says the stories now reflect every article up to that arrival number, which clears <see cref="StoriesPending"/>
    /// unless newer articles arrived meanwhile.
    /// </summary>
    void SaveStories(IReadOnlyList<StoryRecord> stories, IReadOnlyList<string> removed, long? upToDateThrough);


    /// <summary>Stored articles by id, in the order asked; unknown ids are left out.</summary>
    IReadOnlyList<StoredArticle> Articles(IReadOnlyList<string> ids);

    StoredArticle? Article(string id);

    /// <summary>Stories, best first (more sources and more recent rank higher), with the total that match.</summary>
    StoryPage Stories(StoryQuery query);

    StoredStory? Story(string id);

    /// <summary>A story's brief as JSON (one <see cref="Rendering.Contract.StoryBrief"/> of the brief contract), or null when there is no such story.</summary>
    string? BriefJson(string storyId);

    /// <summary>A story's brief as an HTML fragment, or null when there is no such story.</summary>
    string? BriefHtml(string storyId);

    /// <summary>The same fragment as a stream of UTF-8, for writing straight to a response without building the page in memory.</summary>
    Stream? OpenBriefHtml(string storyId);

    /// <summary>Articles and facts matching <paramref name="query"/> (words, "quoted phrases"), best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 50);

    /// <summary>One page of search results, best first (or newest first), with how many there are in all.</summary>
    SearchPage SearchPage(SearchQuery query);

    /// <summary>
    /// Sets articles aside that could not be processed, with the stage and the reason: they stay stored, are never offered
    /// for features again, and are left out of stories.
    /// </summary>
    void Quarantine(IReadOnlyList<QuarantinedArticle> articles);

    /// <summary>
    /// The right to refresh stories, held by one process at a time (released when disposed, or when the process dies);
    /// null when another holds it.
    /// </summary>
    IDisposable? TryLockRefresh();

    /// <summary>Quarantined articles, in arrival order, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<QuarantinedArticle> Quarantined(int limit = 100);

    /// <summary>Counts, and unless <paramref name="quick"/>, an integrity check and a digest of all content that does not depend on the clock.</summary>
    StoreReport Check(bool quick = false);
}

/// <summary>
/// What happened to one article given to <see cref="IStoryStore.AddAll"/>: the id it is stored under (made unique if another
/// article had it), or the id of the stored article it repeats.
/// </summary>
public sealed record AddOutcome(string Id, AddStatus Status)
{
    /// <summary>Why the article was refused, when <see cref="Status"/> is <see cref="AddStatus.Refused"/>.</summary>
    public string? Reason { get; init; }
}

public enum AddStatus
{
    Added,
    SameUrl,
    SameText,

    /// <summary>Not stored: it fails the checks every article must pass (see <see cref="Reading.ArticleAdmission"/>).</summary>
    Refused,
}

/// <summary>An article as stored, with its arrival number and the story it belongs to.</summary>
public sealed record StoredArticle(long Seq, Article Article, DateTimeOffset Added, string? Story);

/// <summary>A story ready to store: its membership, its brief as JSON and as an HTML fragment, and what lists and search need.</summary>
public sealed record StoryRecord
{
    public required string Id { get; init; }

    public required string MembersKey { get; init; }

    /// <summary>Article ids in citation order, each with the id of the article it copies, if any.</summary>
    public required IReadOnlyList<(string Article, string? DuplicateOf)> Members { get; init; }

    public required string Title { get; init; }

    public DateOnly? Date { get; init; }

    public required DateOnly Day { get; init; }

    public required int Sources { get; init; }

    /// <summary>The named outlets that carry it, most articles first, with their article counts and leanings.</summary>
    public IReadOnlyList<Briefing.OutletShare> Coverage { get; init; } = [];

    /// <summary>The commonest topic its input labels its articles with, if any.</summary>
    public string? Topic { get; init; }

    public required int Conflicts { get; init; }

    public required string Summary { get; init; }

    /// <summary>The lines to show instead of <see cref="Summary"/>, in order, should it recur across stories (a template).</summary>
    public IReadOnlyList<string> Alternates { get; init; } = [];

    public required double Score { get; init; }

    public required string BriefJson { get; init; }

    public required string BriefHtml { get; init; }

    public required IReadOnlyList<(string Text, int Sources)> Facts { get; init; }
}

/// <summary>One line of a story list.</summary>
public sealed record StorySummary(string Id, string Title, DateOnly? Date, DateOnly Day, int Sources, int Articles, int Conflicts, string Summary, double Score)
{
    /// <summary>The named outlets that carry it, most articles first (a story stored before schema 4 has none until it is briefed again).</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>Who carries it, with article counts and leanings, in the order of <see cref="Outlets"/> (filled by story lists).</summary>
    public IReadOnlyList<Briefing.OutletShare> Coverage { get; init; } = [];

    /// <summary>The commonest topic its input labels its articles with, if any.</summary>
    public string? Topic { get; init; }

    /// <summary>The next lines to show should <see cref="Summary"/> turn out to be a template.</summary>
    public IReadOnlyList<string> Alternates { get; init; } = [];
}

/// <summary>A stored story: its line, and its articles in citation order (with the originals of copies).</summary>
public sealed record StoredStory(StorySummary Summary, IReadOnlyList<string> Articles, IReadOnlyDictionary<string, string> DuplicateOf);

/// <summary>
/// Which stories to list: on or after <see cref="Since"/>, on or before <see cref="Until"/>, carried by at least
/// <see cref="MinSources"/> sources, and when given by <see cref="Outlet"/> (its name, any case), about <see cref="Topic"/>,
/// with a conflict; a page of them.
/// </summary>
public sealed record StoryQuery(DateOnly? Since = null, DateOnly? Until = null, int Limit = 50, int Offset = 0, int MinSources = 1)
{
    public string? Outlet { get; init; }

    public string? Topic { get; init; }

    public bool HasConflicts { get; init; }

    /// <summary>Whether anything narrows the list.</summary>
    public bool Filtered => Since is not null || Until is not null || MinSources > 1 || !string.IsNullOrWhiteSpace(Outlet) || !string.IsNullOrWhiteSpace(Topic) || HasConflicts;
}

public sealed record StoryPage(IReadOnlyList<StorySummary> Stories, int Total);

/// <summary>
/// A search result: an article (title or text matched) or a fact of a story's brief. The snippet is the matching passage,
/// with matched words between <see cref="MarkStart"/> and <see cref="MarkEnd"/>; a lower rank is a better match.
/// </summary>
public sealed record SearchHit(SearchHitKind Kind, string? Article, string? Story, string Title, string Snippet, double Rank)
{
    public const char MarkStart = '\u0002', MarkEnd = '\u0003';

    /// <summary>The outlet: the article's source, or for a fact its story's first named outlet.</summary>
    public string? Source { get; init; }

    /// <summary>The article's publication date, or a fact's story date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The snippet with its marks removed.</summary>
    public string Plain => Snippet.Replace(MarkStart.ToString(), "").Replace(MarkEnd.ToString(), "");
}

/// <summary>
/// What to search for (<see cref="Text"/>: all words must match, "quoted words" as a phrase) and which page; results dated
/// from <see cref="Since"/> to <see cref="Until"/> and from <see cref="Outlet"/> only, when given (an article by its own
/// date and outlet, a fact by its story's) and in stories of <see cref="Topic"/>, <see cref="MinSources"/> and with a
/// conflict when asked; newest first instead of best match first when <see cref="Newest"/>.
/// </summary>
public sealed record SearchQuery(string Text, int Limit = 20, int Offset = 0)
{
    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    public string? Outlet { get; init; }

    /// <summary>Only results in stories about this topic (an article by its story).</summary>
    public string? Topic { get; init; }

    /// <summary>Only results in stories carried by at least this many sources.</summary>
    public int MinSources { get; init; } = 1;

    /// <summary>Only results in stories with a conflict.</summary>
    public bool HasConflicts { get; init; }

    public bool Newest { get; init; }

    /// <summary>Whether anything narrows the results.</summary>
    public bool Filtered => Since is not null || Until is not null || !string.IsNullOrWhiteSpace(Outlet) || !string.IsNullOrWhiteSpace(Topic) || MinSources > 1 || HasConflicts;
}

/// <summary>A page of search results and the number of results in all.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total);

public enum SearchHitKind
{
    Article,
    Fact,
}

/// <summary>An article set aside: which stage could not process it and why.</summary>
public sealed record QuarantinedArticle(string Id, string Stage, string Reason);

/// <summary>What <see cref="IStoryStore.Check"/> found.</summary>
public sealed record StoreReport(int Articles, int Unfeatured, int Stories, int Facts, bool StoriesPending, string Integrity, string Digest)
{
    /// <summary>Articles set aside because they could not be processed.</summary>
    public int Quarantined { get; init; }

    /// <summary>What the check could not look at, and why (a store opened read-only), or null when it looked at everything.</summary>
    public string? NotChecked { get; init; }
}
