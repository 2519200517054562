using System.Runtime.InteropServices;

namespace KerasNet.Backend;

/// <summary>
/// Keeps a long training run's memory flat under glibc. libtorch frees and re-allocates the same large
/// activation and gradient buffers every step; glibc's default <em>dynamic</em> mmap threshold then moves
/// them from mmap to the heap, which fragments and grows by hundreds of MB over epochs. A fixed threshold
/// (as <c>MALLOC_MMAP_THRESHOLD_</c> would set) returns every large buffer to the OS when freed.
/// Set <c>KERASNET_MALLOC_TUNING=0</c> to leave the allocator alone.
/// </summary>
internal static partial class AllocatorTuning
{
    private const int MMmapThreshold = -3;
    private const int MmapThresholdBytes = 256 * 1024;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    /// <summary>Applies the tuning on glibc Linux unless disabled; returns whether it did.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("KERASNET_MALLOC_TUNING") == "0")
            return false;
        try
        {
            return MallOpt(MMmapThreshold, MmapThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): nothing to tune
        }
    }
}
