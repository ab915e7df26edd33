namespace Parallax.Evaluation;

/// <summary>
/// The part of a development set kept aside from tuning: one key in five, chosen by an FNV-1a hash of the key, so the
/// same items are aside on every run and on every machine.
/// </summary>
public static class AsideSplit
{
    /// <summary>The 32-bit FNV-1a hash of the key's UTF-16 characters.</summary>
    public static uint Hash(string key)
    {
        uint h = 2166136261;
        foreach (char c in key) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>True for the one key in five kept aside.</summary>
    public static bool IsAside(string key) => Hash(key) % 5 == 0;
}
