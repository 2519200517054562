using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;

namespace KerasNet.Backend;

/// <summary>
/// Finds and loads libtorch and TorchSharp's native bridge before TorchSharp first needs them, wherever
/// KerasNet is loaded from (an app's <c>bin/</c> or publish folder, the NuGet packages folder of a notebook
/// kernel, Cake's <c>tools/Addins</c>), or from the folder named by <see cref="Engine.LibTorchDirectory"/> /
/// <c>KERASNET_LIBTORCH_DIR</c>. On Linux systems whose libstdc++ predates GCC 13 (Debian 12, Ubuntu 22.04),
/// TorchSharp 0.107's <c>libLibTorchSharp.so</c> names <c>GLIBCXX_3.4.32</c> for one symbol it never calls; the
/// loader then refuses it, and KerasNet loads a copy whose requirement is marked weak (see <c>native/README.md</c>).
/// Where the original loads, nothing is copied or changed. A failed load throws a <see cref="KerasNetException"/>
/// and is tried again on the next call, so fixing the setting fixes the process.
/// </summary>
public static class NativeRuntime
{
    /// <summary>The environment variable naming a libtorch folder to use instead of a packaged one.</summary>
    public const string LibTorchDirectoryVariable = "KERASNET_LIBTORCH_DIR";

    /// <summary>
    /// The runtime configuration key (<c>AppContext</c> data, e.g. a <c>RuntimeHostConfigurationOption</c> in the
    /// app's project) naming a libtorch folder; read like <see cref="LibTorchDirectoryVariable"/>.
    /// </summary>
    public const string LibTorchDirectorySwitch = "KerasNet.LibTorchDirectory";

    private const string BridgeFile = "libLibTorchSharp.so";
    private static readonly string[] LibTorchLibraries = ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"];
    private static readonly object Gate = new();
    private static volatile bool _loaded;
    private static string? _codeDirectory;

    /// <summary>How the bridge was loaded: "original …", "patched copy …", or "not Linux …".</summary>
    public static string LoadedFrom { get; private set; } = "not loaded";

    /// <summary>The libtorch version found beside the loaded libraries (e.g. <c>2.10.0</c>), or null when unknown.</summary>
    public static string? LibTorchVersion { get; private set; }

    /// <summary>The libtorch folder the libraries were loaded from, or null before loading.</summary>
    public static string? LibTorchDirectoryInUse { get; private set; }

    /// <summary>
    /// Loads the native runtime if it is not loaded yet. Called automatically by KerasNet; call it
    /// yourself only when you use TorchSharp directly before any KerasNet type.
    /// </summary>
    /// <exception cref="KerasNetException">libtorch or the bridge could not be found or loaded; the message
    /// lists every folder tried. The next call tries again.</exception>
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

    /// <summary>The module initializer's attempt: a failure is reported again, in full, by the first real use.</summary>
    internal static void TryLoadAtStartup()
    {
        try { EnsureLoaded(); }
        catch (KerasNetException) { }
    }

    /// <summary>The libtorch folder chosen in code, by runtime configuration or by the environment, in that order.</summary>
    internal static string? ConfiguredDirectory
    {
        get
        {
            var configured = _codeDirectory
                ?? AppContext.GetData(LibTorchDirectorySwitch) as string
                ?? Environment.GetEnvironmentVariable(LibTorchDirectoryVariable);
            return string.IsNullOrWhiteSpace(configured) ? null : configured;
        }
    }

    /// <summary>Sets the code-chosen libtorch folder; refused once another libtorch is loaded.</summary>
    internal static void SetConfiguredDirectory(string? directory)
    {
        lock (Gate)
        {
            var full = string.IsNullOrWhiteSpace(directory) ? null : NativeSearch.Normalize(directory);
            if (_loaded && full != LibTorchDirectoryInUse)
                throw new InvalidOperationException(
                    $"libtorch is already loaded from {LibTorchDirectoryInUse ?? "TorchSharp's own search"}; Engine.LibTorchDirectory must be set " +
                    $"before the first model, layer or tensor. Set {LibTorchDirectoryVariable} in the environment instead, or reference " +
                    "KerasNet without KerasNet.Cpu so that no packaged libtorch is loaded first.");
            _codeDirectory = full;
        }
    }

    private static void LoadOnLinux()
    {
        var torchSharp = TorchSharpAssembly();
        var trace = new StringBuilder();
        var configured = ConfiguredDirectory;
        var search = new NativeSearch(NativeSearch.HostFolders(), NativeSearch.DirectoryOf(torchSharp), configured);
        var libtorchDir = configured is null ? search.Find("libtorch_cpu.so", trace) : CheckConfigured(configured);
        var bridgeDir = search.Find(BridgeFile, trace);
        if (libtorchDir is null || bridgeDir is null)
            throw new KerasNetException(
                $"KerasNet could not find {(libtorchDir is null ? "libtorch (libtorch_cpu.so)" : "TorchSharp's native bridge (libLibTorchSharp.so)")}. Looked in:\n{trace}" +
                "Reference the KerasNet.Cpu package (or TorchSharp-cpu) for the CPU runtime, or point " +
                $"{LibTorchDirectoryVariable} (or Engine.LibTorchDirectory, set before the first model) at a libtorch " +
                $"{LibTorchVersions.Accepted} folder, such as a PyTorch install's torch/lib. See native/README.md.");

        var version = LibTorchVersions.Detect(libtorchDir);
        LibTorchVersions.Check(version, libtorchDir);

        // libtorch's libraries resolve each other through $ORIGIN; load them by path first, so that the bridge's
        // needs (and TorchSharp's own look-ups by name) bind to these by soname.
        foreach (var name in LibTorchLibraries)
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
            var patched = PatchCache.PreparePatchedCopy(original, libtorchDir, bridgeDir);
            if (!TryLoad(patched, trace, out handle))
                throw new KerasNetException(
                    $"KerasNet could not load TorchSharp's native bridge.\nTried:\n{trace}" +
                    "Install a C++ runtime of GCC 12 or newer (Debian/Ubuntu: apt-get install libstdc++6) and make sure " +
                    $"libgomp is available; a libtorch other than {LibTorchVersions.Accepted} may also lack symbols the bridge needs. " +
                    "See native/README.md in the KerasNet repository.");
            LoadedFrom = "patched copy " + patched;
        }

        OneDnnSwitch.Apply(Path.Combine(libtorchDir, "libtorch_cpu.so"));
        LibTorchVersion = version;
        LibTorchDirectoryInUse = libtorchDir;
        var bridge = handle;
        NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == "LibTorchSharp" ? bridge : IntPtr.Zero);
    }

    /// <summary>TorchSharp's assembly (without running torch's static constructor), or a clear error when it is missing.</summary>
    private static Assembly TorchSharpAssembly()
    {
        try
        {
            return TorchSharpAssemblyUnchecked();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            throw new KerasNetException(
                $"KerasNet could not load TorchSharp ({e.Message}). Reference KerasNet from a project or a notebook (#r \"nuget: KerasNet.Cpu\"), " +
                "which brings TorchSharp along; in a Cake script use #addin nuget:?package=KerasNet.Cpu&loaddependencies=true.", e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Assembly TorchSharpAssemblyUnchecked() => typeof(torch).Assembly;

    private static string CheckConfigured(string directory)
    {
        var full = NativeSearch.Normalize(directory);
        if (!File.Exists(Path.Combine(full, "libtorch_cpu.so")))
            throw new KerasNetException(
                $"The libtorch folder set by Engine.LibTorchDirectory, {LibTorchDirectorySwitch} or {LibTorchDirectoryVariable} " +
                $"('{directory}') has no libtorch_cpu.so. Point it at the folder holding libtorch's libraries " +
                "(a PyTorch install's torch/lib, a LibTorch download's lib/).");
        return full;
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
}
