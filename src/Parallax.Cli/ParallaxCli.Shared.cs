using System.Globalization;
using System.Text.Json;

namespace Parallax.Cli;

/// <summary>What several commands share: indented JSON for output, and durations as people write them.</summary>
public static partial class ParallaxCli
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>"15m", "1h", "90s", "500ms" or a plain number of seconds.</summary>
    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                duration = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
        {
            duration = TimeSpan.FromSeconds(plain);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The rule a long run outlives a store failing for a while by (a worker's, an ingest's): each failure one warning line
    /// on stderr, after <paramref name="clearLine"/> clears a progress line it would otherwise run into.
    /// </summary>
    internal static Storage.StoreRetry Retrying(TextWriter stderr, Action? clearLine = null) => new()
    {
        Failed = (e, pause) =>
        {
            clearLine?.Invoke();
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parallax: warning: {e.Message}; trying again in {pause.TotalSeconds:F0} s"));
        },
    };

    /// <summary>Reports on the caller's thread, in order, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}
