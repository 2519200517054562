using System.Text.Json.Nodes;
using KerasNet.Activations;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary><c>f(x) = x</c> for <c>x ≥ 0</c>, <c>negative_slope·x</c> otherwise (Keras <c>LeakyReLU</c>, default slope 0.3).</summary>
public sealed class LeakyReLU : Layer
{
    /// <summary>Creates the layer.</summary>
    public LeakyReLU(double negativeSlope = 0.3, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (!(negativeSlope >= 0)) throw new KerasNetException($"LeakyReLU '{Name}': negativeSlope cannot be negative, got {negativeSlope}.");
        NegativeSlope = negativeSlope;
    }

    /// <summary>Slope for negative inputs.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => ActivationOps.LeakyRelu(inputs, NegativeSlope);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["negative_slope"] = NegativeSlope;
        return c;
    }

    /// <summary>Builds the layer from its Keras config; Keras 2's <c>alpha</c> key is read as <c>negative_slope</c>.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(LeakyReLU));
        double slope = c.NullableDouble("negative_slope") ?? c.Double("alpha", 0.3);
        var layer = new LeakyReLU(slope, c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
