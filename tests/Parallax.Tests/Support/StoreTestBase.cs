using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Reading;
using Parallax.Storage;

namespace Parallax.Tests;

/// <summary>
/// What the store tests share: a temporary folder, stores of either kind by name (<see cref="TestStores"/>, dropped after
/// the test), a mixed set of articles of several stories, and the digest one ingest of articles gives.
/// </summary>
public abstract class StoreTestBase : IDisposable
{
    private TestStores? _stores;

    /// <summary>This test's temporary folder, removed after it.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("parallax-store-").FullName;

    /// <summary>Stores of either kind for this test, dropped after it.</summary>
    internal TestStores Stores => _stores ??= new TestStores(Folder);

    public void Dispose()
    {
        _stores?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static Article Made(string id, string text, DateOnly day) => new() { Id = id, Text = text, Published = day, Source = "Outlet " + id };

    /// <summary>The examples, the sample stories, and two unrelated reports: several stories, some of one article.</summary>
    protected static List<Article> Mixed() =>
    [
        .. ArticleSource.Read([TestPaths.Examples]).Articles,
        .. SampleStories.Rated(),
        .. SampleStories.Older(),
        Made("x1", "A harbour in the north reopened on Friday after two years of repairs costing $12 million, officials said.", new DateOnly(2025, 3, 7)),
        Made("x2", "Voters in the county approved a school bond of $40 million on Tuesday, the election office said.", new DateOnly(2025, 3, 4)),
    ];

    /// <summary>The digest of a store of <paramref name="kind"/> after one ingest of <paramref name="articles"/>.</summary>
    protected string Reference(string kind, IReadOnlyList<Article> articles)
    {
        using var store = Stores.Open(kind, "ref.db");
        new Ingestor(store, AnalysisPipeline.Default).Ingest(articles);
        return store.Check().Digest;
    }
}
