namespace Parallax.Storage.Postgres;

/// <summary>
/// Every PostgreSQL advisory lock key Parallax takes, kept here so no two can share a key (each is "PARALL" in ASCII and
/// a number of its own). A key never changes meaning once released: processes of an older build may run beside a newer one.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Numbering articles (a transaction lock), so arrival numbers follow commit order.</summary>
    public const long Numbering = 0x5041_5241_4C4C_0001;

    /// <summary>Refreshing stories (a session lock), released by the server when its holder dies.</summary>
    public const long Refresh = 0x5041_5241_4C4C_0002;

    /// <summary>Completing brief jobs (a transaction lock): a story and the ones it absorbs are decided together.</summary>
    public const long CompleteBriefs = 0x5041_5241_4C4C_0003;

    /// <summary>
    /// Applying schema migrations (a session lock). It shared 0003 with <see cref="CompleteBriefs"/> until this build; it
    /// moved rather than that one, since workers of both builds may complete jobs side by side and must keep one key.
    /// </summary>
    public const long Migration = 0x5041_5241_4C4C_0004;
}
