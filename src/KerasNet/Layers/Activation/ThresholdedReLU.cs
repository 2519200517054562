using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// <c>f(x) = x</c> for <c>x &gt; theta</c>, 0 otherwise (Keras 2's <c>ThresholdedReLU</c>; Keras 3 removed it, its
/// <c>ReLU(threshold: theta)</c> computes the same function).
/// </summary>
public sealed class ThresholdedReLU : Layer
{
    /// <summary>Creates the layer (Keras default theta 1).</summary>
    public ThresholdedReLU(double theta = 1.0, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (!(theta >= 0)) throw new KerasNetException($"ThresholdedReLU '{Name}': theta must be non-negative, got {theta}.");
        Theta = theta;
    }

    /// <summary>The threshold.</summary>
    public double Theta { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        return inputs.mul(inputs.gt(Theta).to(inputs.dtype)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["theta"] = Theta;
        return c;
    }
}
