using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>
/// Base of the random initializers (Keras <c>RandomInitializer</c>). As in Keras 3, an initializer draws
/// the same values at every call: with <c>seed</c> from that seed, without one from a seed drawn once at
/// construction from the global generator (so <c>RandomSeed.Set</c> makes model creation reproducible).
/// Values are sampled on the CPU with a seeded <see cref="Generator"/> and moved to
/// <see cref="Engine.Device"/>, so a seed gives the same values on every device.
/// </summary>
public abstract class RandomInitializer : Initializer
{
    // erf(√2) = P(|z| < 2) for z ~ N(0, 1): the probability mass kept by a 2σ truncation.
    private const double Erf2Sigma = 0.9544997361036416;

    private readonly long _seed;

    /// <summary>Stores <paramref name="seed"/>, or draws the default seed Keras draws when it is null.</summary>
    protected RandomInitializer(int? seed)
    {
        Seed = seed;
        _seed = seed ?? DrawDefaultSeed();
    }

    /// <summary>The seed given by the user (Keras <c>seed</c>); null when a default seed was drawn.</summary>
    public int? Seed { get; }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };

    /// <summary>Samples U[<paramref name="min"/>, <paramref name="max"/>).</summary>
    protected Tensor SampleUniform(long[] shape, ScalarType dtype, double min, double max) =>
        Sample(shape, dtype, (t, g) => t.uniform_(min, max, g));

    /// <summary>Samples N(<paramref name="mean"/>, <paramref name="stddev"/>²).</summary>
    protected Tensor SampleNormal(long[] shape, ScalarType dtype, double mean, double stddev) =>
        Sample(shape, dtype, (t, g) => t.normal_(mean, stddev, g));

    /// <summary>
    /// Samples N(<paramref name="mean"/>, <paramref name="stddev"/>²) restricted to two standard deviations
    /// around the mean (Keras <c>truncated_normal</c>), by inverting the normal CDF on the kept interval.
    /// </summary>
    protected Tensor SampleTruncatedNormal(long[] shape, ScalarType dtype, double mean, double stddev) =>
        Sample(shape, dtype, (t, g) => t.uniform_(-Erf2Sigma, Erf2Sigma, g).erfinv_()
            .mul_(Math.Sqrt(2.0)).clamp_(-2.0, 2.0).mul_(stddev).add_(mean));

    /// <summary>A fresh generator at this initializer's seed (CPU).</summary>
    protected Generator NewGenerator() => new((ulong)_seed);

    /// <summary>The dtype samples are drawn in: float64 for float64 requests, float32 otherwise.</summary>
    protected static ScalarType SamplingType(ScalarType dtype) =>
        dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;

    /// <summary>Throws when <paramref name="dtype"/> is not a floating-point type.</summary>
    protected void CheckFloat(ScalarType dtype)
    {
        if (!is_floating_point(dtype))
            throw new KerasNetException($"Initializer {ClassName} draws random floats; requested dtype {dtype} is not a floating-point type.");
    }

    private Tensor Sample(long[] shape, ScalarType dtype, Action<Tensor, Generator> fill)
    {
        CheckFloat(dtype);
        using var g = NewGenerator();
        using var cpu = empty(shape, dtype: SamplingType(dtype));
        fill(cpu, g);
        return cpu.to(dtype, Engine.Device);
    }

    private static long DrawDefaultSeed()
    {
        Engine.Initialize();
        using var t = randint(1, 1_000_000_000, [1], dtype: ScalarType.Int64);
        return t.item<long>();
    }
}
