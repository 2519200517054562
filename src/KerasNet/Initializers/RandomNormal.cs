using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>N(<c>mean</c>, <c>stddev</c>²) (Keras <c>RandomNormal</c>, defaults 0 and 0.05).</summary>
public sealed class RandomNormal(double mean = 0.0, double stddev = 0.05, int? seed = null) : RandomInitializer(seed)
{
    /// <summary>Mean of the values.</summary>
    public double Mean { get; } = mean;

    /// <summary>Standard deviation of the values.</summary>
    public double Stddev { get; } = stddev;

    /// <inheritdoc />
    public override string ClassName => "RandomNormal";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32) => SampleNormal(shape, dtype, Mean, Stddev);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["mean"] = Mean;
        c["stddev"] = Stddev;
        return c;
    }
}
