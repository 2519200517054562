using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Inverted dropout (Keras <c>Dropout</c>): in training, zeroes a fraction <see cref="Rate"/> of the inputs
/// and scales the rest by 1/(1 − rate); identity at inference.
/// </summary>
public sealed class Dropout : Layer
{
    /// <summary>Creates the layer.</summary>
    public Dropout(double rate, Shape? noiseShape = null, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (rate < 0 || rate >= 1) throw new KerasNetException($"Dropout '{Name}': rate must be in [0, 1), got {rate}.");
        if (noiseShape is not null) throw new NotSupportedException($"Dropout '{Name}': noiseShape is not supported yet.");
        if (seed is not null) throw new NotSupportedException($"Dropout '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Rate = rate;
    }

    /// <summary>Fraction of inputs dropped.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) =>
        training && Rate > 0 ? nn.functional.dropout(inputs, Rate, training: true) : inputs;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rate"] = Rate;
        c["seed"] = null;
        c["noise_shape"] = null;
        return c;
    }
}
