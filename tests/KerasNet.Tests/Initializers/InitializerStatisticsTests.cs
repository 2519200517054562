using KerasNet.Initializers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Initializers;

/// <summary>
/// Distribution checks on large seeded draws. Expected spreads follow Keras 3's formulas
/// (keras/src/initializers/random_initializers.py): with n the chosen fan and s = scale / n, a truncated
/// normal has standard deviation √s after truncation, an untruncated one √s, a uniform one limit √(3s)
/// (standard deviation limit/√3).
/// </summary>
public class InitializerStatisticsTests
{
    // A Conv2D kernel (5, 5, 128, 256): fan_in = 25·128 = 3200, fan_out = 25·256 = 6400; 819 200 values.
    private static readonly long[] ConvShape = [5, 5, 128, 256];

    public enum Kind { Uniform, TruncatedNormal, Normal }

    private static (double Mean, double Std, double MaxAbs) Stats(Tensor t)
    {
        using var scope = NewDisposeScope();
        var d = t.to(ScalarType.Float64);
        return (d.mean().item<double>(), d.std(unbiased: false).item<double>(), d.abs().max().item<double>());
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, Func<Initializer> make, Kind kind, double std) =>
            new TestCaseData(make, kind, std).SetName($"Statistics_{name}");
        yield return Case("GlorotUniform", () => new GlorotUniform(seed: 1), Kind.Uniform, Math.Sqrt(6.0 / 9600) / Math.Sqrt(3));
        yield return Case("GlorotNormal", () => new GlorotNormal(seed: 2), Kind.TruncatedNormal, Math.Sqrt(2.0 / 9600));
        yield return Case("HeUniform", () => new HeUniform(seed: 3), Kind.Uniform, Math.Sqrt(6.0 / 3200) / Math.Sqrt(3));
        yield return Case("HeNormal", () => new HeNormal(seed: 4), Kind.TruncatedNormal, Math.Sqrt(2.0 / 3200));
        yield return Case("LecunUniform", () => new LecunUniform(seed: 5), Kind.Uniform, Math.Sqrt(3.0 / 3200) / Math.Sqrt(3));
        yield return Case("LecunNormal", () => new LecunNormal(seed: 6), Kind.TruncatedNormal, Math.Sqrt(1.0 / 3200));
        yield return Case("VarianceScaling_fan_out_untruncated", () => new VarianceScaling(3.0, "fan_out", "untruncated_normal", seed: 7),
            Kind.Normal, Math.Sqrt(3.0 / 6400));
        yield return Case("VarianceScaling_fan_avg_uniform", () => new VarianceScaling(0.5, "fan_avg", "uniform", seed: 8),
            Kind.Uniform, Math.Sqrt(3 * 0.5 / 4800) / Math.Sqrt(3));
        yield return Case("VarianceScaling_normal_means_truncated", () => new VarianceScaling(2.0, "fan_in", "Normal", seed: 9),
            Kind.TruncatedNormal, Math.Sqrt(2.0 / 3200));
        yield return Case("RandomUniform", () => new RandomUniform(seed: 10), Kind.Uniform, 0.05 / Math.Sqrt(3));
        yield return Case("RandomNormal", () => new RandomNormal(seed: 11), Kind.Normal, 0.05);
        // A unit normal truncated to ±2σ has standard deviation 0.87962566103423978 (Keras's constant).
        yield return Case("TruncatedNormal", () => new TruncatedNormal(seed: 12), Kind.TruncatedNormal, 0.05 * 0.87962566103423978);
    }

    [TestCaseSource(nameof(Cases))]
    public void DrawsHaveKerasSpreadAndBounds(Func<Initializer> make, Kind kind, double expectedStd)
    {
        using var scope = NewDisposeScope();
        var (mean, std, maxAbs) = Stats(make().Call(ConvShape));

        Assert.That(std, Is.EqualTo(expectedStd).Within(1).Percent);
        Assert.That(Math.Abs(mean), Is.LessThan(0.01 * expectedStd));
        switch (kind)
        {
            case Kind.Uniform: // limit = √3·std, reached up to sampling resolution
                Assert.That(maxAbs, Is.LessThanOrEqualTo(Math.Sqrt(3) * expectedStd * (1 + 1e-6)));
                Assert.That(maxAbs, Is.GreaterThan(0.999 * Math.Sqrt(3) * expectedStd));
                break;
            case Kind.TruncatedNormal: // cut at 2σ of the untruncated normal, σ = std / 0.8796…
                Assert.That(maxAbs, Is.LessThanOrEqualTo(2 * expectedStd / 0.87962566103423978 * (1 + 1e-6)));
                Assert.That(maxAbs, Is.GreaterThan(0.99 * 2 * expectedStd / 0.87962566103423978));
                break;
            case Kind.Normal: // 819 200 untruncated draws reach well past 3σ
                Assert.That(maxAbs, Is.GreaterThan(3.5 * expectedStd));
                break;
        }
    }

    [Test]
    public void RandomNormalHonoursMeanAndStddev()
    {
        using var scope = NewDisposeScope();
        var (mean, std, _) = Stats(new RandomNormal(mean: 1.0, stddev: 2.0, seed: 3).Call([1000, 1000]));
        Assert.That(mean, Is.EqualTo(1.0).Within(0.01)); // standard error 0.002
        Assert.That(std, Is.EqualTo(2.0).Within(0.5).Percent);
    }

    [Test]
    public void RandomUniformHonoursBounds()
    {
        using var scope = NewDisposeScope();
        var t = new RandomUniform(minval: 2.0, maxval: 5.0, seed: 4).Call([1000, 1000]).to(ScalarType.Float64);
        Assert.That(t.min().item<double>(), Is.GreaterThanOrEqualTo(2.0).And.LessThan(2.001));
        Assert.That(t.max().item<double>(), Is.LessThan(5.0).And.GreaterThan(4.999));
        Assert.That(t.mean().item<double>(), Is.EqualTo(3.5).Within(0.005)); // standard error 0.00087
    }

    [Test]
    public void TruncatedNormalStaysWithinTwoStddevOfTheMean()
    {
        using var scope = NewDisposeScope();
        var t = new TruncatedNormal(mean: -3.0, stddev: 0.5, seed: 5).Call([1000, 1000]).to(ScalarType.Float64);
        Assert.That(t.min().item<double>(), Is.GreaterThanOrEqualTo(-4.0).And.LessThan(-3.99));
        Assert.That(t.max().item<double>(), Is.LessThanOrEqualTo(-2.0).And.GreaterThan(-2.01));
        Assert.That(t.mean().item<double>(), Is.EqualTo(-3.0).Within(0.003));
        Assert.That(t.std().item<double>(), Is.EqualTo(0.5 * 0.87962566103423978).Within(0.5).Percent);
    }
}
