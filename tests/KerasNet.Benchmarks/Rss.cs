namespace KerasNet.Benchmarks;

/// <summary>The process's resident memory, as <c>VmRSS</c> in <c>/proc/self/status</c>.</summary>
internal static class Rss
{
    /// <summary>Current resident set size in MiB (NaN where /proc is absent).</summary>
    public static double CurrentMb()
    {
        if (!File.Exists("/proc/self/status")) return double.NaN;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
        return double.NaN;
    }
}
