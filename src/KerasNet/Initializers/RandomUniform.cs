using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>U[<c>minval</c>, <c>maxval</c>) (Keras <c>RandomUniform</c>, defaults −0.05 and 0.05).</summary>
public sealed class RandomUniform(double minval = -0.05, double maxval = 0.05, int? seed = null) : RandomInitializer(seed)
{
    /// <summary>Lower bound (inclusive).</summary>
    public double Minval { get; } = minval;

    /// <summary>Upper bound (exclusive).</summary>
    public double Maxval { get; } = maxval;

    /// <inheritdoc />
    public override string ClassName => "RandomUniform";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32) => SampleUniform(shape, dtype, Minval, Maxval);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["minval"] = Minval;
        c["maxval"] = Maxval;
        return c;
    }
}
