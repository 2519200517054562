using KerasNet.Optimizers;
using NUnit.Framework;
using TorchSharp;

namespace KerasNet.Tests.Optimizers;

/// <summary>The per-optimizer cache of native scalars: one per value, freed after a step that did not use it.</summary>
public sealed class ScalarCacheTests
{
    [Test]
    public void SameValueGivesTheSameScalar()
    {
        using var cache = new ScalarCache();
        var a = cache[0.9];
        Assert.That(cache[0.9], Is.SameAs(a));
        Assert.That(a.ToDouble(), Is.EqualTo(0.9));
        Assert.That(cache[0.1], Is.Not.SameAs(a));
    }

    [Test]
    public void ValuesUsedEveryStepSurviveAndOthersAreRecreated()
    {
        using var cache = new ScalarCache();
        var constant = cache[0.9];
        var perStep = cache[-0.05];
        cache.EndStep();
        Assert.That(cache[0.9], Is.SameAs(constant), "used in step 0, kept");
        cache.EndStep(); // -0.05 was not used in step 1: freed
        Assert.That(cache[0.9], Is.SameAs(constant));
        var again = cache[-0.05];
        Assert.That(again, Is.Not.SameAs(perStep));
        Assert.That(again.ToDouble(), Is.EqualTo(-0.05));
    }
}
