using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>
/// N(<c>mean</c>, <c>stddev</c>²) with values more than two standard deviations from the mean left out
/// (Keras <c>TruncatedNormal</c>, defaults 0 and 0.05). The spread of the kept values is ≈ 0.88·stddev.
/// </summary>
public sealed class TruncatedNormal(double mean = 0.0, double stddev = 0.05, int? seed = null) : RandomInitializer(seed)
{
    /// <summary>Mean of the untruncated distribution.</summary>
    public double Mean { get; } = mean;

    /// <summary>Standard deviation of the untruncated distribution.</summary>
    public double Stddev { get; } = stddev;

    /// <inheritdoc />
    public override string ClassName => "TruncatedNormal";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32) => SampleTruncatedNormal(shape, dtype, Mean, Stddev);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["mean"] = Mean;
        c["stddev"] = Stddev;
        return c;
    }
}
