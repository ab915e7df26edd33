namespace Parallax.Tests;

/// <summary>What any write to a file would change: its bytes (as a hash) and its last write time.</summary>
internal static class FileSnapshot
{
    /// <summary>The file's snapshot, taken once SQLite's pooled connections let go of it.</summary>
    public static (string Hash, DateTime Written) Of(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), File.GetLastWriteTimeUtc(path));
    }
}
