using System.Text;
using Parallax.Cli;
using Xunit;

namespace Parallax.Tests;

/// <summary>The store commands as a person uses them: ingest a folder, list stories, search, brief one, check the store.</summary>
public sealed class StoreCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallax-store-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ParallaxCli.Run(args, stdout, stderr, () => new MemoryStream(Encoding.UTF8.GetBytes("")));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Ingest_then_stories_search_brief_and_check_work_on_the_store()
    {
        string db = Path.Combine(_dir, "news.db");
        var ingest = Run("ingest", TestPaths.Examples, "--db", db);
        Assert.Equal(0, ingest.Code);
        Assert.Contains("added 4 of 4 articles", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("1 story (1 briefed, 0 merged away)", ingest.Out, StringComparison.Ordinal);
        var again = Run("ingest", TestPaths.Examples, "--db", db);
        Assert.Contains("added 0 of 4 articles (4 already stored with the same text", again.Out, StringComparison.Ordinal);

        var stories = Run("stories", "--db", db);
        Assert.Equal(0, stories.Code);
        var line = stories.Out.Split('\n')[1].Split('\t');
        Assert.StartsWith("story-", line[0], StringComparison.Ordinal);
        Assert.Equal("4", line[2]);
        Assert.Contains("1 of 1 story", stories.Err, StringComparison.Ordinal);
        Assert.Contains("0 of 0 stories", Run("stories", "--db", db, "--since", "2099-01-01").Err, StringComparison.Ordinal);

        var search = Run("search", "Meridian", "bridge", "--db", db);
        Assert.Equal(0, search.Code);
        Assert.Contains("[Meridian]", search.Out, StringComparison.Ordinal);

        var brief = Run("brief", "--db", db, "--story", line[0]);
        Assert.Equal(0, brief.Code);
        var fromFiles = Run("brief", TestPaths.Examples);
        Assert.Equal(fromFiles.Out.Replace("story-1", line[0], StringComparison.Ordinal), brief.Out);

        var check = Run("check", "--db", db);
        Assert.Equal(0, check.Code);
        Assert.Contains("integrity\tok", check.Out, StringComparison.Ordinal);
        Assert.Contains("stories pending\tno", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_commands_leave_a_current_store_byte_for_byte_and_a_newer_one_is_refused_in_one_line()
    {
        string db = Path.Combine(_dir, "news.db");
        Assert.Equal(0, Run("ingest", TestPaths.Examples, "--db", db).Code);
        (string, DateTime) Snapshot() => FileSnapshot.Of(db);
        var before = Snapshot();
        string story = Run("stories", "--db", db).Out.Split('\n')[1].Split('\t')[0];
        foreach (var args in new[] { new[] { "stories", "--db", db }, ["search", "Meridian", "--db", db], ["brief", "--db", db, "--story", story], ["check", "--db", db], ["check", "--quick", "--db", db] })
        {
            var r = Run(args);
            Assert.True(r.Code == 0, $"{args[0]}: {r.Err}");
            Assert.Equal(before, Snapshot());
        }

        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {Parallax.Storage.SqliteStore.SchemaVersion + 1}";
            cmd.ExecuteNonQuery();
        }
        var newer = Snapshot();
        foreach (var args in new[] { new[] { "stories", "--db", db }, ["check", "--db", db], ["ingest", TestPaths.Examples, "--db", db] })
        {
            var r = Run(args);
            Assert.Equal(ParallaxCli.Failed, r.Code);
            Assert.Equal($"parallax: error: {db} was written by a newer Parallax (schema {Parallax.Storage.SqliteStore.SchemaVersion + 1}; this one reads {Parallax.Storage.SqliteStore.SchemaVersion}); upgrade Parallax", r.Err.Trim());
            Assert.Equal(newer, Snapshot());
        }
    }

    [Fact]
    public void No_password_reaches_a_command_line_message()
    {
        foreach (var db in new[] { "Host=127.0.0.1;Port=1;Username=u;PWD=hunter22;Database=d;Timeout=3", "postgresql://u:hun@ter22@127.0.0.1:1/d?connect_timeout=3" })
        {
            foreach (var args in new[] { new[] { "stories", "--db", db }, ["check", "--db", db], ["brief", "--db", db], ["ingest", TestPaths.Examples, "--db", db], ["watch", "https://example.org/feed.xml", "--once", "--db", db] })
            {
                var r = Run(args);
                Assert.Equal(ParallaxCli.Failed, r.Code);
                Assert.DoesNotContain("ter22", r.Err, StringComparison.Ordinal);
                Assert.Contains("***", r.Err, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Store_commands_fail_with_one_line_that_says_what_to_do()
    {
        string missing = Path.Combine(_dir, "missing.db");
        foreach (var args in new[] { new[] { "stories", "--db", missing }, ["search", "x", "--db", missing], ["brief", "--db", missing, "--story", "story-1"], ["check", "--db", missing] })
        {
            var r = Run(args);
            Assert.Equal(ParallaxCli.Failed, r.Code);
            Assert.Contains("parallax ingest", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(missing));
        }
        string notes = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(notes, "not a database");
        var bad = Run("ingest", TestPaths.Examples, "--db", notes);
        Assert.Equal(ParallaxCli.Failed, bad.Code);
        Assert.Contains("not a Parallax store", bad.Err, StringComparison.Ordinal);
        Assert.Equal("not a database", File.ReadAllText(notes));

        string db = Path.Combine(_dir, "news.db");
        Run("ingest", TestPaths.Examples, "--db", db);
        Assert.Contains("no story story-99", Run("brief", "--db", db, "--story", "story-99").Err, StringComparison.Ordinal);
        Assert.Contains("--db needs --story", Run("brief", "--db", db).Err, StringComparison.Ordinal);
        Assert.Contains("not a date", Run("stories", "--db", db, "--since", "last week").Err, StringComparison.Ordinal);
        Assert.Contains("no word to look for", Run("search", "--db", db, "!!!").Err, StringComparison.Ordinal);
        var partial = Run("ingest", Path.Combine(_dir, "nope.txt"), TestPaths.Examples, "--db", db);
        Assert.Equal(ParallaxCli.Partial, partial.Code);
        Assert.Contains("--urls", Run("serve", "--urls", "ftp://x", "--db", db).Err, StringComparison.Ordinal);
        Assert.Contains("too short", Run("serve", "--token", "abc", "--db", db).Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_db_value_naming_another_scheme_is_refused_and_creates_nothing()
    {
        foreach (var command in new[] { "ingest", "watch" })
        {
            string db = "mysql://root:hunter2@db.example:3306/news-" + command;
            var r = command == "ingest" ? Run("ingest", TestPaths.Examples, "--db", db) : Run("watch", "https://example.org/feed.xml", "--once", "--db", db);
            Assert.Equal(ParallaxCli.Failed, r.Code);
            Assert.Single(r.Err.Trim().Split('\n'));
            Assert.Contains("mysql:// is not a store Parallax can use", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", r.Err, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists("mysql:"));
        Assert.Contains("PostgreSQL", Run("stories", "--db", "Host=localhost;Database=news").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_brings_stories_up_to_date_from_scratch_and_says_what_it_did()
    {
        string db = Path.Combine(_dir, "news.db");
        Assert.Equal(ParallaxCli.Failed, Run("refresh", "--db", db).Code);
        Assert.False(File.Exists(db));
        Run("ingest", TestPaths.Examples, "--db", db);
        var r = Run("refresh", "--db", db);
        Assert.Equal(0, r.Code);
        Assert.Contains("1 story (0 briefed, 0 merged away, 0 articles analysed); 4 articles in", r.Out, StringComparison.Ordinal);
        Assert.Contains("parallax refresh --db", Run("refresh", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_left_to_workers_get_their_stories_from_a_worker_as_from_one_ingest()
    {
        string shared = Path.Combine(_dir, "shared.db"), direct = Path.Combine(_dir, "direct.db");
        Run("ingest", TestPaths.Examples, "--db", direct);
        var stored = Run("ingest", TestPaths.Examples, "--db", shared, "--leave-to-workers");
        Assert.Equal(0, stored.Code);
        Assert.Contains("added 4 of 4 articles", stored.Out, StringComparison.Ordinal);
        Assert.Contains("parallax worker --db", stored.Err, StringComparison.Ordinal);
        Assert.Contains("\nstories\t0\n", Run("check", "--db", shared).Out, StringComparison.Ordinal); // stored only

        var worked = Run("worker", "--db", shared, "--until-idle", "--consolidate-after", "0s", "--poll", "20ms");
        Assert.Equal(0, worked.Code);
        Assert.Contains("4 articles analysed, 4 placed, 1 stories briefed (0 jobs outdated), 1 consolidations", worked.Out, StringComparison.Ordinal);
        string Digest(string db) => Run("check", "--db", db).Out.Split('\n').Single(l => l.StartsWith("digest", StringComparison.Ordinal));
        Assert.Equal(Digest(direct), Digest(shared));

        var bad = Run("worker", "--db", shared, "--poll", "forever");
        Assert.Equal(ParallaxCli.Failed, bad.Code);
        Assert.Contains("--poll forever: give a duration", bad.Err, StringComparison.Ordinal);
        Assert.Contains("parallax worker --db postgresql://", Run("worker", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_reanalyse_briefs_every_story_again_and_says_so()
    {
        string db = Path.Combine(_dir, "news.db");
        Run("ingest", TestPaths.Examples, "--db", db);
        var r = Run("refresh", "--reanalyse", "--db", db);
        Assert.Equal(0, r.Code);
        Assert.Contains("1 story (1 briefed, 0 merged away, 4 articles analysed)", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("resuming", r.Err, StringComparison.Ordinal);
        Assert.Contains("1 story (0 briefed, 0 merged away, 0 articles analysed)", Run("refresh", "--db", db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_explains_the_service_commands()
    {
        var root = Run("--help").Out;
        foreach (var word in new[] { "ingest", "serve", "stories", "search", "check" }) Assert.Contains(word, root, StringComparison.Ordinal);
        Assert.Contains("--urls", Run("serve", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("--token", Run("serve", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("PARALLAX_DB", Run("ingest", "--help").Out, StringComparison.Ordinal);
    }
}
