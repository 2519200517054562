using KerasNet.Backend;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Backend;

public class NativeRuntimeTests
{
    private static string OriginalBridge()
    {
        var dir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!;
        var candidates = new[]
        {
            Path.Combine(dir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(dir, "libLibTorchSharp.so"),
        };
        return candidates.First(File.Exists);
    }

    [Test]
    public void EngineRunsForwardAndBackward()
    {
        using var scope = NewDisposeScope();
        var x = randn(4, 3, 8, 8, requires_grad: true);
        var w = randn(5, 3, 3, 3);
        nn.functional.conv2d(x, w).sum().backward();
        Assert.That(x.grad!.shape, Is.EqualTo(new long[] { 4, 3, 8, 8 }));
        Assert.That(NativeRuntime.LoadedFrom, Does.StartWith("original").Or.StartWith("patched copy"));
    }

    [Test]
    public void PatchMarksOnlyTheGlibcxx3432NeedWeakAndChangesOneByte()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("ELF libraries exist only on Linux.");
        var original = File.ReadAllBytes(OriginalBridge());
        var before = ElfVersionPatcher.ReadVersionNeeds(original);
        var target = before.Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.That(target.IsWeak, Is.False);

        var patched = (byte[])original.Clone();
        Assert.That(ElfVersionPatcher.MarkWeak(patched, ["GLIBCXX_3.4.32"]), Is.EqualTo(1));

        var after = ElfVersionPatcher.ReadVersionNeeds(patched);
        Assert.That(after.Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak, Is.True);
        Assert.That(after.Where(n => n.Version != "GLIBCXX_3.4.32").All(n => !n.IsWeak), Is.True);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.That(differing, Is.EqualTo(new[] { target.FlagsOffset }));
        Assert.That(ElfVersionPatcher.MarkWeak(patched, ["GLIBCXX_3.4.32"]), Is.EqualTo(0), "patching twice changes nothing");
    }

    [Test]
    public void PatchedCopyIsTheLibraryInUseWhenTheOriginalCannotLoad()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("ELF libraries exist only on Linux.");
        var maps = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("libLibTorchSharp.so"))
            .Select(l => l[l.IndexOf('/')..]).Distinct().ToList();
        Assert.That(maps, Has.Count.EqualTo(1), "exactly one copy of the bridge is mapped");
        var inUse = File.ReadAllBytes(maps[0]);
        var original = File.ReadAllBytes(OriginalBridge());
        if (NativeRuntime.LoadedFrom.StartsWith("original"))
            Assert.That(inUse, Is.EqualTo(original), "a new-enough libstdc++ loads the original untouched");
        else
        {
            var expected = (byte[])original.Clone();
            ElfVersionPatcher.MarkWeak(expected, ["GLIBCXX_3.4.32"]);
            Assert.That(inUse, Is.EqualTo(expected), "the loaded copy is the original with one flag changed");
        }
    }
}
