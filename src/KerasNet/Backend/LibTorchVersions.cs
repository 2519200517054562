using System.Text.RegularExpressions;

namespace KerasNet.Backend;

/// <summary>
/// Which libtorch a folder holds, and whether TorchSharp 0.107's bridge accepts it: it is built for libtorch
/// 2.10; 2.11 (PyTorch 2.11's <c>torch/lib</c>) was seen to work; other versions lack or change symbols it binds.
/// </summary>
internal static partial class LibTorchVersions
{
    /// <summary>The versions accepted, as words for messages.</summary>
    public const string Accepted = "2.10 (TorchSharp 0.107's own) or 2.11";

    private static readonly string[] AcceptedPrefixes = ["2.10", "2.11"];

    /// <summary>True for the version TorchSharp 0.107 is built for.</summary>
    public static bool IsBuiltFor(string version) => HasPrefix(version, "2.10");

    /// <summary>
    /// The version of the libtorch in <paramref name="folder"/> from what lies around it: a NuGet or Cake package
    /// path (<c>libtorch-cpu-linux-x64/2.10.0/</c>, <c>libtorch-cpu-linux-x64.2.10.0/</c>), a LibTorch download's
    /// <c>build-version</c>, or a PyTorch install's <c>torch/version.py</c>; null when none says.
    /// </summary>
    public static string? Detect(string folder)
    {
        var fromPath = PackagePath().Match(folder.Replace('\\', '/'));
        if (fromPath.Success) return fromPath.Groups[1].Value;
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder));
        if (parent is null) return null;
        var buildVersion = Path.Combine(parent, "build-version");
        if (File.Exists(buildVersion)) return File.ReadLines(buildVersion).FirstOrDefault()?.Trim();
        var versionPy = Path.Combine(parent, "version.py");
        if (File.Exists(versionPy))
        {
            var m = PythonVersion().Match(File.ReadAllText(versionPy));
            if (m.Success) return m.Groups[1].Value;
        }
        return null;
    }

    /// <summary>Throws when <paramref name="version"/> is known and not accepted.</summary>
    public static void Check(string? version, string folder)
    {
        if (version is null || AcceptedPrefixes.Any(p => HasPrefix(version, p))) return;
        throw new KerasNetException(
            $"The libtorch in {folder} is version {version}; TorchSharp 0.107's native bridge needs libtorch {Accepted}. " +
            $"Point {NativeRuntime.LibTorchDirectoryVariable} at a matching libtorch (e.g. PyTorch 2.10's torch/lib) or use the packaged runtime (KerasNet.Cpu).");
    }

    private static bool HasPrefix(string version, string prefix) =>
        version == prefix || version.StartsWith(prefix + ".", StringComparison.Ordinal) || version.StartsWith(prefix + "+", StringComparison.Ordinal);

    [GeneratedRegex(@"libtorch-[A-Za-z0-9.\-]*?-linux-x64(?:-part\d+)?[/.](\d+\.\d+\.\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PackagePath();

    [GeneratedRegex(@"__version__\s*=\s*['""]([^'""]+)['""]")]
    private static partial Regex PythonVersion();
}
