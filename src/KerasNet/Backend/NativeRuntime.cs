using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace KerasNet.Backend;

/// <summary>
/// Finds and loads libtorch and TorchSharp's native bridge before TorchSharp first needs them.
/// On Linux systems whose libstdc++ predates GCC 13 (Debian 12, Ubuntu 22.04), TorchSharp 0.107's
/// <c>libLibTorchSharp.so</c> names <c>GLIBCXX_3.4.32</c> for one symbol it never calls; the loader
/// then refuses it. KerasNet loads a copy whose requirement is marked weak (see <c>native/README.md</c>).
/// Where the original loads, nothing is copied or changed. The NuGet cache is never modified.
/// </summary>
public static class NativeRuntime
{
    private const string BridgeFile = "libLibTorchSharp.so";
    private static readonly string[] WeakVersions = ["GLIBCXX_3.4.32"];
    private static readonly object Gate = new();
    private static bool _loaded;

    /// <summary>How the bridge was loaded: "original", "patched copy at …", or "not Linux".</summary>
    public static string LoadedFrom { get; private set; } = "not loaded";

    /// <summary>
    /// Loads the native runtime if it is not loaded yet. Called automatically by KerasNet; call it
    /// yourself only when you use TorchSharp directly before any KerasNet type.
    /// </summary>
    public static void EnsureLoaded()
    {
        if (_loaded) return;
        lock (Gate)
        {
            if (_loaded) return;
            if (OperatingSystem.IsLinux()) LoadOnLinux();
            else LoadedFrom = "not Linux (TorchSharp's own loader)";
            _loaded = true;
        }
    }

    private static void LoadOnLinux()
    {
        var torchSharp = typeof(torch).Assembly; // typeof does not run torch's static constructor
        var trace = new StringBuilder();
        var libtorchDir = FindDirectoryWith("libtorch_cpu.so", torchSharp, trace);
        var bridgeDir = FindDirectoryWith(BridgeFile, torchSharp, trace);
        if (libtorchDir is null || bridgeDir is null)
            throw new KerasNetException(
                "KerasNet could not find libtorch (libtorch_cpu.so) and TorchSharp's libLibTorchSharp.so. Looked in:\n" + trace +
                "Reference the TorchSharp-cpu package (or the CUDA package of the same version) from your project.");

        // libtorch's own libraries resolve each other through $ORIGIN; load them by path first.
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            var path = Path.Combine(libtorchDir, name);
            if (File.Exists(path) && !NativeLibrary.TryLoad(path, out _))
                trace.AppendLine($"  could not load {path}");
        }

        var original = Path.Combine(bridgeDir, BridgeFile);
        if (TryLoad(original, trace, out var handle))
        {
            LoadedFrom = "original " + original;
        }
        else
        {
            var patched = PreparePatchedCopy(original, libtorchDir, bridgeDir);
            if (!TryLoad(patched, trace, out handle))
                throw new KerasNetException(
                    $"KerasNet could not load TorchSharp's native bridge.\nTried:\n{trace}" +
                    "Install a C++ runtime of GCC 12 or newer (Debian/Ubuntu: apt-get install libstdc++6) and make sure " +
                    "libgomp is available; see native/README.md in the KerasNet repository.");
            LoadedFrom = "patched copy " + patched;
        }

        var bridge = handle;
        NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == "LibTorchSharp" ? bridge : IntPtr.Zero);
    }

    private static bool TryLoad(string path, StringBuilder trace, out IntPtr handle)
    {
        try
        {
            handle = NativeLibrary.Load(path);
            return true;
        }
        catch (DllNotFoundException e)
        {
            trace.AppendLine($"  {path}: {e.Message.Split('\n').Skip(1).FirstOrDefault()?.Trim() ?? e.Message}");
            handle = IntPtr.Zero;
            return false;
        }
    }

    /// <summary>
    /// Writes (once) a copy of the bridge with the missing versions marked weak into a per-user cache
    /// folder keyed by the original's hash, next to links to the libraries it depends on.
    /// </summary>
    internal static string PreparePatchedCopy(string original, string libtorchDir, string bridgeDir)
    {
        var bytes = File.ReadAllBytes(original);
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        var dir = Path.Combine(CacheRoot(), "native", hash);
        var target = Path.Combine(dir, BridgeFile);
        if (File.Exists(target)) return target;

        Directory.CreateDirectory(dir);
        foreach (var source in new[] { libtorchDir, bridgeDir }.Distinct())
            foreach (var lib in Directory.EnumerateFiles(source, "*.so*"))
            {
                var link = Path.Combine(dir, Path.GetFileName(lib));
                if (Path.GetFileName(lib) == BridgeFile || File.Exists(link)) continue;
                try { File.CreateSymbolicLink(link, lib); }
                catch (IOException) when (File.Exists(link)) { } // another process made it first
            }

        ElfVersionPatcher.MarkWeak(bytes, WeakVersions);
        var temp = target + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    private static string CacheRoot()
    {
        var env = Environment.GetEnvironmentVariable("KERASNET_CACHE");
        if (!string.IsNullOrEmpty(env)) return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "kerasnet");
        if (!string.IsNullOrEmpty(home)) return Path.Combine(home, ".cache", "kerasnet");
        return Path.Combine(Path.GetTempPath(), "kerasnet");
    }

    /// <summary>
    /// Where the .NET host would look for native assets, then TorchSharp's own folder, then the NuGet
    /// package layout (notebooks load TorchSharp straight from the package cache).
    /// </summary>
    private static string? FindDirectoryWith(string file, Assembly torchSharp, StringBuilder trace)
    {
        foreach (var dir in CandidateDirectories(torchSharp))
        {
            if (File.Exists(Path.Combine(dir, file))) return dir;
            trace.AppendLine($"  {Path.Combine(dir, file)} (absent)");
        }
        return null;
    }

    private static IEnumerable<string> CandidateDirectories(Assembly torchSharp)
    {
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
            foreach (var d in searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return d;
        var asmDir = Path.GetDirectoryName(torchSharp.Location);
        if (string.IsNullOrEmpty(asmDir)) yield break;
        yield return asmDir;
        yield return Path.Combine(asmDir, "runtimes", "linux-x64", "native");
        // NuGet layout: <packages>/torchsharp/<ver>/lib/<tfm>/TorchSharp.dll
        var packageHome = Path.GetFullPath(Path.Combine(asmDir, "..", ".."));
        yield return Path.Combine(packageHome, "runtimes", "linux-x64", "native");
        var packages = Path.GetFullPath(Path.Combine(packageHome, ".."));
        var libtorch = Path.Combine(packages, "libtorch-cpu-linux-x64");
        if (Directory.Exists(libtorch))
            foreach (var v in Directory.GetDirectories(libtorch).OrderDescending())
                yield return Path.Combine(v, "runtimes", "linux-x64", "native");
    }
}
