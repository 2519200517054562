using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>Fills with <see cref="Value"/> (Keras <c>Constant</c>).</summary>
public class Constant(double value = 0.0) : Initializer
{
    /// <summary>The fill value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public override string ClassName => "Constant";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32) =>
        full(shape, Value, dtype: dtype, device: Engine.Device);

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["value"] = Value };
}

/// <summary>Fills with zeros (Keras <c>Zeros</c>).</summary>
public sealed class Zeros : Constant
{
    /// <inheritdoc />
    public override string ClassName => "Zeros";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new();
}

/// <summary>Fills with ones (Keras <c>Ones</c>).</summary>
public sealed class Ones() : Constant(1.0)
{
    /// <inheritdoc />
    public override string ClassName => "Ones";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new();
}
