using KerasNet.Backend;
using NUnit.Framework;

namespace KerasNet.Tests.Backend;

/// <summary>The package layouts the native search knows, built as empty files in a scratch folder.</summary>
public class NativeSearchTests
{
    private string _root = "";

    [SetUp]
    public void MakeRoot() => _root = Directory.CreateTempSubdirectory("kerasnet-search-").FullName;

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    private string Touch(params string[] parts)
    {
        var path = Path.Combine([_root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return Path.GetDirectoryName(path)!;
    }

    private static readonly string[] Native = ["runtimes", "linux-x64", "native"];

    [Test]
    public void NuGetPackagesFolderOfANotebookKernel()
    {
        var assembly = Touch("torchsharp", "0.107.0", "lib", "net8.0", "TorchSharp.dll");
        var bridge = Touch(["torchsharp", "0.107.0", .. Native, "libLibTorchSharp.so"]);
        Touch(["libtorch-cpu-linux-x64", "2.7.1", .. Native, "libtorch_cpu.so"]);
        var libtorch = Touch(["libtorch-cpu-linux-x64", "2.10.0", .. Native, "libtorch_cpu.so"]);
        var search = new NativeSearch([], assembly, configured: null);
        var trace = new System.Text.StringBuilder();
        Assert.That(search.Find("libtorch_cpu.so", trace), Is.EqualTo(libtorch), "2.10 preferred over another version");
        Assert.That(search.Find("libLibTorchSharp.so", trace), Is.EqualTo(bridge));
    }

    [Test]
    public void CakeAddinsFolder()
    {
        var assembly = Touch("Addins", "TorchSharp.0.107.0", "lib", "net8.0", "TorchSharp.dll");
        var bridge = Touch(["Addins", "TorchSharp.0.107.0", .. Native, "libLibTorchSharp.so"]);
        var libtorch = Touch(["Addins", "libtorch-cpu-linux-x64.2.10.0", .. Native, "libtorch_cpu.so"]);
        var search = new NativeSearch([], assembly, configured: null);
        var trace = new System.Text.StringBuilder();
        Assert.That(search.Find("libtorch_cpu.so", trace), Is.EqualTo(libtorch));
        Assert.That(search.Find("libLibTorchSharp.so", trace), Is.EqualTo(bridge));
    }

    [Test]
    public void ConfiguredFolderComesFirstAndEveryFolderTriedIsTraced()
    {
        var configured = Touch("torch", "lib", "libtorch_cpu.so");
        var host = Path.Combine(_root, "app");
        var search = new NativeSearch([host], torchSharpDirectory: null, configured);
        var trace = new System.Text.StringBuilder();
        Assert.That(search.Find("libtorch_cpu.so", trace), Is.EqualTo(configured));
        Assert.That(search.Find("no-such-library.so", trace), Is.Null);
        Assert.That(trace.ToString(), Does.Contain(Path.Combine(configured, "no-such-library.so") + " (absent)"));
        Assert.That(trace.ToString(), Does.Contain(Path.Combine(host, "no-such-library.so") + " (absent)"));
    }

    [TestCase("/p/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native", "2.10.0")]
    [TestCase("/w/tools/Addins/libtorch-cpu-linux-x64.2.10.0/runtimes/linux-x64/native", "2.10.0")]
    [TestCase("/p/libtorch-cuda-12.8-linux-x64-part3/2.10.0/runtimes/linux-x64/native", "2.10.0")]
    public void VersionFromPackagePath(string folder, string version) =>
        Assert.That(LibTorchVersions.Detect(folder), Is.EqualTo(version));

    [Test]
    public void VersionFromALibTorchDownloadAndAPyTorchInstall()
    {
        var download = Touch("libtorch", "lib", "libtorch_cpu.so");
        File.WriteAllText(Path.Combine(_root, "libtorch", "build-version"), "2.10.0+cu128\n");
        Assert.That(LibTorchVersions.Detect(download), Is.EqualTo("2.10.0+cu128"));
        var wheel = Touch("site-packages", "torch", "lib", "libtorch_cpu.so");
        File.WriteAllText(Path.Combine(_root, "site-packages", "torch", "version.py"), "__version__ = '2.11.0+cu130'\ngit_version = 'x'\n");
        Assert.That(LibTorchVersions.Detect(wheel), Is.EqualTo("2.11.0+cu130"));
        Assert.That(LibTorchVersions.Detect(Touch("bare", "libtorch_cpu.so")), Is.Null);
    }

    [Test]
    public void VersionCheckAcceptsTwoTenAndTwoElevenOnly()
    {
        Assert.DoesNotThrow(() => LibTorchVersions.Check("2.10.0", "/x"));
        Assert.DoesNotThrow(() => LibTorchVersions.Check("2.11.0+cu130", "/x"));
        Assert.DoesNotThrow(() => LibTorchVersions.Check(null, "/x"));
        var e = Assert.Throws<KerasNetException>(() => LibTorchVersions.Check("2.9.1+cpu", "/opt/torch/lib"))!;
        Assert.That(e.Message, Does.Contain("/opt/torch/lib is version 2.9.1+cpu").And.Contain("2.10").And.Contain("KERASNET_LIBTORCH_DIR"));
        Assert.Throws<KerasNetException>(() => LibTorchVersions.Check("2.1.0", "/x"));
    }
}
