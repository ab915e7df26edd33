namespace Parallax.Storage;

/// <summary>
/// The rows completing brief jobs reads and writes, inside one transaction of a store: each store says how, in its own
/// SQL, and <see cref="BriefJobs.Complete"/> decides, the same for both.
/// </summary>
internal interface IBriefJobRows
{
    /// <summary>Whether a job of the story newer than <paramref name="job"/> is queued.</summary>
    bool NewerQueued(string story, long job);

    /// <summary>The newest job whose brief of the story was stored (or that removed it), if any.</summary>
    long? Mark(string story);

    /// <summary>The members (as kept) of the story's queued jobs older than <paramref name="job"/>.</summary>
    IReadOnlyList<string> OlderMembers(string story, long job);

    /// <summary>Writes the story's record (none: it is removed) and removes the stories it replaces.</summary>
    void Store(StoryRecord? record, IReadOnlyList<string> removed);

    /// <summary>Records that the story was decided by <paramref name="job"/> (a newer mark is kept).</summary>
    void SetMark(string story, long job);

    /// <summary>The job is done: it leaves the queue, with the older jobs of its story it supersedes.</summary>
    void Done(string story, long job);
}

/// <summary>When a brief job's brief is stored: the one rule both stores complete jobs by.</summary>
internal static class BriefJobs
{
    /// <summary>
    /// Stores each job's record unless the job is no longer current — placed under another stories version than
    /// <paramref name="version"/>, or a newer job of its story is queued or done — and marks the job done either way.
    /// A stored job removes what its story absorbed (what superseded jobs were to remove too) and marks those stories, so
    /// an older job of theirs finished late is dropped. Returns the stories decided.
    /// </summary>
    public static int Complete(IReadOnlyList<BriefJob> jobs, IReadOnlyDictionary<string, StoryRecord> records, long version, IBriefJobRows rows)
    {
        int stored = 0;
        foreach (var job in jobs)
        {
            string id = job.Members.Id;
            bool current = job.Epoch == version && !rows.NewerQueued(id, job.Number) && !(rows.Mark(id) is { } mark && mark >= job.Number);
            if (current)
            {
                var gone = BriefJobCodec.Gone(job, rows.OlderMembers(id, job.Number));
                var record = records.GetValueOrDefault(id);
                rows.Store(record, record is null ? [.. gone, id] : gone);
                foreach (var s in gone.Append(id)) rows.SetMark(s, job.Number);
                stored++;
            }
            rows.Done(id, job.Number);
        }
        return stored;
    }
}
