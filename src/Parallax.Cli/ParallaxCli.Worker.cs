using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Storage;

namespace Parallax.Cli;

/// <summary><c>parallax worker</c>: one of several processes that share a store's work (analysis, placement, briefs).</summary>
public static partial class ParallaxCli
{
    private static Command WorkerCommand(TextWriter stdout, TextWriter stderr, bool stderrRedirected)
    {
        var db = DbOption("The shared store: a PostgreSQL database (postgresql://user@host:5432/db), where several workers on several machines divide the work; an SQLite file works too, for one worker.");
        var untilIdle = new Option<bool>("--until-idle") { Description = "Exit once no work is left for any worker: every article analysed and placed, every story briefed, the stories consolidated (for bulk loads and scripts)." };
        var quiet = new Option<string>("--consolidate-after")
        {
            Description = "The worker that places articles groups every story afresh once no article has arrived for this long (at the latest every 10 minutes while articles keep coming).",
            DefaultValueFactory = _ => "30s",
            HelpName = "DURATION",
        };
        var rest = new Option<string>("--poll") { Description = "How long to rest when there is nothing to do before looking again.", DefaultValueFactory = _ => "1s", HelpName = "DURATION" };
        var cmd = new Command("worker", "Work on a shared store's stories alongside other workers: analyse newly stored articles, place them in their stories, and rebuild the briefs of the stories they changed. Workers divide the work through the store (each article and each story is claimed by one; one worker at a time places articles, and if it stops another takes over); start as many as the machines allow, and store articles with 'parallax ingest --leave-to-workers' or 'parallax serve --workers'. Stop with Ctrl+C, or kill: what was done is kept, and the rest goes to the others.")
        {
            db, untilIdle, quiet, rest,
        };
        cmd.SetAction((parse, cancel) =>
        {
            if (!TryDuration(parse.GetValue(quiet)!, out var quietFor) || quietFor < TimeSpan.Zero || quietFor > TimeSpan.FromDays(1)) return Task.FromResult(Fail(stderr, $"--consolidate-after {parse.GetValue(quiet)}: give a duration such as 30s or 5m"));
            if (!TryDuration(parse.GetValue(rest)!, out var poll) || poll < TimeSpan.FromMilliseconds(10) || poll > TimeSpan.FromHours(1)) return Task.FromResult(Fail(stderr, $"--poll {parse.GetValue(rest)}: give a duration between 10ms and 1h, such as 1s"));
            using var store = OpenStore(parse.GetValue(db)!, stderr);
            if (store is null) return Task.FromResult(Failed);
            var clock = Stopwatch.StartNew();
            WorkReport done;
            using (var line = new TerminalProgress(stderr, enabled: !stderrRedirected, "", 0))
            {
                var worker = new Worker(store, Pipeline.AnalysisPipeline.Default, consolidateAfter: quietFor) { Retry = Retrying(stderr, line.Done) };
                var progress = new SynchronousProgress<WorkReport>(r =>
                {
                    if (line.Due(complete: false)) line.Write(string.Create(CultureInfo.InvariantCulture, $"{Summary(r)}{(r.Placer ? " (placing)" : "")}"));
                });
                try
                {
                    done = worker.Run(poll, parse.GetValue(untilIdle), progress, cancel);
                }
                catch (StoreException e)
                {
                    return Task.FromResult(Fail(stderr, e.Message));
                }
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Summary(done)} in {clock.Elapsed.TotalSeconds:F1} s{(done.Placed + done.Consolidated > 0 ? " (this worker held the stories: it placed and consolidated)" : "")}; {Count(store.Count, "article", "articles")} in {store.Path}"));
            if (done.Quarantined > 0) stderr.WriteLine($"parallax: warning: {done.Quarantined} articles could not be processed and were set aside; see them with: parallax check --db {store.Path}");
            return Task.FromResult(Ok);
        });
        return cmd;
    }

    private static string Summary(WorkReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Featured} articles analysed, {r.Placed} placed, {r.Briefed} stories briefed ({r.Dropped} jobs outdated), {r.Consolidated} consolidations");
}
