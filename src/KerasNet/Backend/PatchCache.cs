using System.Security.Cryptography;
using System.Text;

namespace KerasNet.Backend;

/// <summary>
/// Where the patched copy of TorchSharp's bridge is written: the first writable of <c>$KERASNET_CACHE</c>,
/// <c>$XDG_CACHE_HOME/kerasnet</c>, <c>~/.cache/kerasnet</c> and <c>&lt;temp&gt;/kerasnet-&lt;user&gt;</c>, under
/// <c>native/&lt;hash&gt;/</c> next to links to the libtorch libraries it depends on (its RUNPATH is <c>$ORIGIN</c>).
/// The NuGet cache and the app's folder are never modified.
/// </summary>
internal static class PatchCache
{
    private static readonly string[] WeakVersions = ["GLIBCXX_3.4.32"];

    /// <summary>The cache folders, in the order they are tried.</summary>
    public static IEnumerable<string> Roots()
    {
        var env = Environment.GetEnvironmentVariable("KERASNET_CACHE");
        if (!string.IsNullOrEmpty(env)) yield return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) yield return Path.Combine(xdg, "kerasnet");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".cache", "kerasnet");
        yield return Path.Combine(Path.GetTempPath(), "kerasnet-" + Environment.UserName);
    }

    /// <summary>
    /// Returns (writing it once) a copy of the bridge with the missing versions marked weak, keyed by the original's
    /// bytes and the libtorch folder it links to. Throws naming every folder tried when none can be written.
    /// </summary>
    public static string PreparePatchedCopy(string original, string libtorchDir, string bridgeDir)
    {
        var bytes = File.ReadAllBytes(original);
        var key = SHA256.HashData([.. SHA256.HashData(bytes), .. Encoding.UTF8.GetBytes(libtorchDir)]);
        var hash = Convert.ToHexString(key)[..16].ToLowerInvariant();
        var failures = new StringBuilder();
        foreach (var root in Roots())
        {
            var dir = Path.Combine(root, "native", hash);
            try
            {
                return WriteInto(dir, bytes, libtorchDir, bridgeDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.AppendLine($"  {dir}: {e.Message}");
            }
        }
        throw new KerasNetException(
            "KerasNet must write a patched copy of TorchSharp's libLibTorchSharp.so (this system's libstdc++ lacks GLIBCXX_3.4.32; " +
            $"see native/README.md) but could write to none of:\n{failures}Set KERASNET_CACHE to a writable folder.");
    }

    private static string WriteInto(string dir, byte[] original, string libtorchDir, string bridgeDir)
    {
        var target = Path.Combine(dir, "libLibTorchSharp.so");
        if (File.Exists(target)) return target;

        Directory.CreateDirectory(dir);
        foreach (var source in new[] { libtorchDir, bridgeDir }.Distinct())
            foreach (var lib in Directory.EnumerateFiles(source, "*.so*"))
            {
                var link = Path.Combine(dir, Path.GetFileName(lib));
                if (link == target || File.Exists(link)) continue;
                try { File.CreateSymbolicLink(link, lib); }
                catch (IOException) when (File.Exists(link)) { } // another process made it first
            }

        var bytes = (byte[])original.Clone();
        ElfVersionPatcher.MarkWeak(bytes, WeakVersions);
        var temp = target + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);
        return target;
    }
}
