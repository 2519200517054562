using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>U(−l, l) with l = sqrt(6 / (fan_in + fan_out)) (Keras <c>GlorotUniform</c>).</summary>
public sealed class GlorotUniform(int? seed = null) : Initializer
{
    /// <summary>Optional seed (Keras <c>seed</c>); null draws from the global generator.</summary>
    public int? Seed { get; } = seed;

    /// <inheritdoc />
    public override string ClassName => "GlorotUniform";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32)
    {
        var (fanIn, fanOut) = ComputeFans(shape);
        double limit = Math.Sqrt(6.0 / Math.Max(1.0, fanIn + fanOut));
        using var g = Seed is int s ? new Generator((ulong)s) : null;
        return rand(shape, dtype: dtype, device: Engine.Device, generator: g).mul_(2 * limit).sub_(limit);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
