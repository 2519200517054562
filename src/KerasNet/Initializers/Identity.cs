using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary><c>gain</c> times the (possibly rectangular) identity matrix (Keras <c>Identity</c>); 2-D shapes only.</summary>
public sealed class Identity(double gain = 1.0) : Initializer
{
    /// <summary>Multiplicative factor.</summary>
    public double Gain { get; } = gain;

    /// <inheritdoc />
    public override string ClassName => "Identity";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32)
    {
        if (shape.Length != 2)
            throw new KerasNetException($"Identity initializer works on 2-D matrices only; got shape {Shape.Of(shape)} of rank {shape.Length}.");
        using var scope = NewDisposeScope();
        return eye(shape[0], shape[1], dtype: dtype, device: Engine.Device).mul_(Gain).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["gain"] = Gain };
}
