using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;

namespace KerasNet.Backend;

/// <summary>
/// The folders where libtorch and TorchSharp's bridge may sit, in the order they are searched: the configured
/// libtorch folder, the host's native search folders (an app's <c>bin/</c> or publish folder), TorchSharp's own
/// folder, the package layout TorchSharp was loaded from (the NuGet packages folder a notebook kernel restores
/// into, <c>&lt;packages&gt;/libtorch-cpu-linux-x64/&lt;version&gt;/</c>; Cake's flat
/// <c>tools/Addins/libtorch-cpu-linux-x64.&lt;version&gt;/</c>), then the NuGet packages folder
/// (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).
/// </summary>
internal sealed class NativeSearch(IEnumerable<string> hostFolders, string? torchSharpDirectory, string? configured)
{
    private static readonly string RuntimeNative = Path.Combine("runtimes", "linux-x64", "native");
    private readonly IReadOnlyList<string> _folders = Folders(hostFolders, torchSharpDirectory, configured)
        .Select(Normalize).Distinct().ToList();

    /// <summary>The full path without a trailing separator, so that one folder is named one way.</summary>
    public static string Normalize(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>The first folder holding <paramref name="file"/>; every folder looked in is added to <paramref name="trace"/>.</summary>
    public string? Find(string file, StringBuilder trace)
    {
        foreach (var dir in _folders)
        {
            if (File.Exists(Path.Combine(dir, file))) return dir;
            trace.AppendLine($"  {Path.Combine(dir, file)} (absent)");
        }
        return null;
    }

    /// <summary>Where this process's host looks for native libraries: its native search folders and the app folder.</summary>
    public static IEnumerable<string> HostFolders()
    {
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
            foreach (var d in searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return d;
        yield return AppContext.BaseDirectory;
        yield return Path.Combine(AppContext.BaseDirectory, RuntimeNative);
    }

    private static IEnumerable<string> Folders(IEnumerable<string> hostFolders, string? assemblyDir, string? configured)
    {
        if (configured is not null) yield return configured;
        foreach (var d in hostFolders) yield return d;
        if (assemblyDir is not null)
        {
            yield return assemblyDir;
            yield return Path.Combine(assemblyDir, RuntimeNative);
            // A package layout: <package>/lib/<tfm>/TorchSharp.dll.
            var package = Path.GetFullPath(Path.Combine(assemblyDir, "..", ".."));
            yield return Path.Combine(package, RuntimeNative);
            var parent = Path.GetDirectoryName(package);
            if (parent is not null)
            {
                var isNuGetFolder = Path.GetFileName(parent).Equals("torchsharp", StringComparison.OrdinalIgnoreCase);
                var packages = isNuGetFolder ? Path.GetDirectoryName(parent) : parent;
                if (packages is not null)
                    foreach (var d in isNuGetFolder ? NuGetLayout(packages) : FlatLayout(packages))
                        yield return d;
            }
        }

        foreach (var root in NuGetRoots())
            foreach (var d in NuGetLayout(root))
                yield return d;
    }

    /// <summary>The global packages folder: <c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;/runtimes/linux-x64/native</c>.</summary>
    private static IEnumerable<string> NuGetLayout(string root) =>
        Packages(root).SelectMany(id => PreferredFirst(Subfolders(id, "*")).Select(v => Path.Combine(v, RuntimeNative)));

    /// <summary>Cake's addin folder: <c>&lt;root&gt;/&lt;id&gt;.&lt;version&gt;/runtimes/linux-x64/native</c>.</summary>
    private static IEnumerable<string> FlatLayout(string root) =>
        PreferredFirst(Packages(root)).Select(p => Path.Combine(p, RuntimeNative));

    private static IEnumerable<string> Packages(string root) =>
        Subfolders(root, "libtorch-*").Concat(Subfolders(root, "torchsharp*"));

    /// <summary>libtorch 2.10 (TorchSharp 0.107's) before other versions, newest first otherwise.</summary>
    private static IEnumerable<string> PreferredFirst(IEnumerable<string> folders) =>
        folders.OrderByDescending(f => LibTorchVersions.Detect(f) is { } v && LibTorchVersions.IsBuiltFor(v))
            .ThenByDescending(f => f, StringComparer.Ordinal);

    private static IEnumerable<string> Subfolders(string dir, string pattern)
    {
        try
        {
            return Directory.Exists(dir)
                ? Directory.GetDirectories(dir, pattern, new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> NuGetRoots()
    {
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(env)) yield return env;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".nuget", "packages");
    }

    /// <summary>The folder an assembly was loaded from; null inside a single-file app.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000:Avoid accessing Assembly file path when publishing as a single file",
        Justification = "Empty inside a single-file app, which is handled: the natives of such an app sit in AppContext.BaseDirectory, searched before.")]
    public static string? DirectoryOf(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? null : Path.GetDirectoryName(assembly.Location);
}
