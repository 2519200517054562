using System.Diagnostics;
using System.Reflection;
using KerasNet.Backend;
using NUnit.Framework;

namespace KerasNet.Tests.Backend;

/// <summary>
/// Native loading in fresh child processes (tests/KerasNet.LoadCheck, which has KerasNet but no packaged libtorch):
/// the libtorch override pointed at this test run's packaged libtorch folder, a failed first load that does not
/// poison the process, and the patch-cache fallbacks.
/// </summary>
[NonParallelizable]
public class NativeRuntimeLoadingTests
{
    private string _scratch = "";

    private static string PackagedLibTorch => NativeRuntime.LibTorchDirectoryInUse
        ?? throw new InvalidOperationException("the test process has no libtorch loaded");

    private static bool NeedsPatch => NativeRuntime.LoadedFrom.StartsWith("patched copy");

    [SetUp]
    public void MakeScratch()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("The native loader's search and patching are Linux-specific.");
        _scratch = Directory.CreateTempSubdirectory("kerasnet-load-").FullName;
    }

    [TearDown]
    public void RemoveScratch()
    {
        if (_scratch != "") Directory.Delete(_scratch, recursive: true);
    }

    [Test]
    public void FailedFirstUseIsReportedClearlyTwiceThenTheCodeSettingWorks()
    {
        var (code, output) = Run(["first-use-then-override", PackagedLibTorch], Isolated());
        Assert.That(code, Is.EqualTo(0), output);
        var errors = output.Split('\n').Where(l => l.StartsWith("error:")).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), output);
        Assert.That(errors, Has.All.StartWith("error: KerasNetException: KerasNet could not find libtorch"), "no TypeInitializationException");
        Assert.That(output, Does.Contain("KERASNET_LIBTORCH_DIR").And.Contain("Engine.LibTorchDirectory"));
        Assert.That(output, Does.Contain(Path.Combine(_scratch, "nuget", "libtorch")).Or.Contain("libtorch_cpu.so (absent)"));
        Assert.That(output, Does.Contain("loaded: "));
    }

    [Test]
    public void EnvironmentVariablePointsAtThePackagedLibTorch()
    {
        var env = Isolated();
        env["KERASNET_LIBTORCH_DIR"] = PackagedLibTorch;
        var (code, output) = Run(["load"], env);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("loaded: "));
    }

    [Test]
    public void UnwritableCacheFoldersFallBackToTheTempFolder()
    {
        var env = Unwritable(Isolated());
        env["KERASNET_LIBTORCH_DIR"] = PackagedLibTorch;
        var temp = Directory.CreateDirectory(Path.Combine(_scratch, "tmp")).FullName;
        env["TMPDIR"] = temp + "/";
        var (code, output) = Run(["load"], env);
        Assert.That(code, Is.EqualTo(0), output);
        if (NeedsPatch) Assert.That(output, Does.Contain($"loaded: patched copy {temp}/kerasnet-"));
    }

    [Test]
    public void NoWritableCacheFolderNamesEveryFolderTriedAndTheSetting()
    {
        if (!NeedsPatch) Assert.Ignore("This system's libstdc++ loads the original bridge: no cache is written.");
        var env = Unwritable(Isolated());
        env["KERASNET_LIBTORCH_DIR"] = PackagedLibTorch;
        env["TMPDIR"] = "/proc/kerasnet-tmp/";
        var (code, output) = Run(["load"], env);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("error: KerasNetException: KerasNet must write a patched copy"));
        foreach (var folder in new[] { "/proc/kerasnet-cache/native/", "/proc/kerasnet-xdg/kerasnet/native/",
                     "/proc/kerasnet-home/.cache/kerasnet/native/", "/proc/kerasnet-tmp/kerasnet-" })
            Assert.That(output, Does.Contain(folder));
        Assert.That(output, Does.Contain("Set KERASNET_CACHE to a writable folder"));
    }

    /// <summary>An environment where the child finds no libtorch of its own: empty NuGet and home folders.</summary>
    private Dictionary<string, string> Isolated()
    {
        var home = Directory.CreateDirectory(Path.Combine(_scratch, "home")).FullName;
        return new()
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_scratch, "nuget")).FullName,
            ["XDG_CACHE_HOME"] = Path.Combine(_scratch, "xdg"),
            ["KERASNET_CACHE"] = Path.Combine(_scratch, "cache"),
            ["KERASNET_LIBTORCH_DIR"] = "",
        };
    }

    /// <summary>Cache folders that cannot be created even by root (under /proc).</summary>
    private static Dictionary<string, string> Unwritable(Dictionary<string, string> env)
    {
        env["KERASNET_CACHE"] = "/proc/kerasnet-cache";
        env["XDG_CACHE_HOME"] = "/proc/kerasnet-xdg";
        env["HOME"] = "/proc/kerasnet-home";
        return env;
    }

    private static (int Code, string Output) Run(string[] args, Dictionary<string, string> env)
    {
        var child = typeof(NativeRuntimeLoadingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LoadCheck").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(child);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the child process did not finish in 2 minutes");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }
}
