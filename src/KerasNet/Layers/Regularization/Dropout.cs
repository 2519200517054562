using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Inverted dropout (Keras <c>Dropout</c>): in training, zeroes a fraction <see cref="Rate"/> of the inputs
/// and scales the rest by 1/(1 − rate); identity at inference. With <see cref="NoiseShape"/>, one keep/drop
/// draw is shared along the axes where it has size 1.
/// </summary>
public sealed class Dropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">Fraction of the inputs dropped, in [0, 1).</param>
    /// <param name="noiseShape">Shape of the keep/drop draw, batch included; <c>null</c> entries take the input's size.</param>
    /// <param name="seed">Not supported: seed the global generator with <c>RandomSeed.Set</c>.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public Dropout(double rate, Shape? noiseShape = null, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (rate < 0 || rate >= 1) throw new KerasNetException($"Dropout '{Name}': rate must be in [0, 1), got {rate}.");
        if (seed is not null) throw new NotSupportedException($"Dropout '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Rate = rate;
        NoiseShape = noiseShape;
    }

    /// <summary>Fraction of inputs dropped.</summary>
    public double Rate { get; }

    /// <summary>Shape of the keep/drop draw (batch included), or null for one draw per element.</summary>
    public Shape? NoiseShape { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (!training || Rate == 0) return inputs;
        return NoiseShape is { } ns
            ? DropoutMask.Apply(inputs, Rate, DropoutMask.Resolve(ns, inputs.shape, Name))
            : nn.functional.dropout(inputs, Rate, training: true);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rate"] = Rate;
        c["seed"] = null;
        c["noise_shape"] = NoiseShape is { } ns ? ShapeToJson(ns) : null;
        return c;
    }
}
