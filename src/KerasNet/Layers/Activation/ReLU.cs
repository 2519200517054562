using System.Text.Json.Nodes;
using KerasNet.Activations;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Rectified linear unit with Keras's options (Keras <c>ReLU</c>): <c>f(x) = max_value</c> for
/// <c>x ≥ max_value</c>, <c>x</c> for <c>threshold &lt; x &lt; max_value</c>, <c>negative_slope·(x − threshold)</c>
/// otherwise.
/// </summary>
public sealed class ReLU : Layer
{
    /// <summary>Creates the layer; every value must be non-negative.</summary>
    public ReLU(double? maxValue = null, double negativeSlope = 0.0, double threshold = 0.0,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (maxValue is < 0 || double.IsNaN(maxValue ?? 0))
            throw new KerasNetException($"ReLU '{Name}': maxValue cannot be negative, got {maxValue}.");
        if (!(negativeSlope >= 0)) throw new KerasNetException($"ReLU '{Name}': negativeSlope cannot be negative, got {negativeSlope}.");
        if (!(threshold >= 0)) throw new KerasNetException($"ReLU '{Name}': threshold cannot be negative, got {threshold}.");
        MaxValue = maxValue;
        NegativeSlope = negativeSlope;
        Threshold = threshold;
    }

    /// <summary>Upper bound of the output, or null for none.</summary>
    public double? MaxValue { get; }
    /// <summary>Slope below the threshold.</summary>
    public double NegativeSlope { get; }
    /// <summary>Inputs up to this value are "negative".</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) =>
        ActivationOps.Relu(inputs, NegativeSlope, MaxValue, Threshold);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["max_value"] = MaxValue;
        c["negative_slope"] = NegativeSlope;
        c["threshold"] = Threshold;
        return c;
    }
}
