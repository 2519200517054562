using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Dropout for SELU networks (Keras <c>AlphaDropout</c>): in training, dropped inputs are set to SELU's negative
/// saturation value −λα and the result is transformed by <c>a·x + b</c> so that mean and variance are kept; identity
/// at inference.
/// </summary>
public sealed class AlphaDropout : Layer
{
    private const double Alpha = 1.6732632423543772848170429916717;
    private const double Scale = 1.0507009873554804934193349852946;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">Drop probability, in [0, 1).</param>
    /// <param name="noiseShape">Shape of the keep/drop draw, batch included; <c>null</c> entries take the input's size.</param>
    /// <param name="seed">Not supported: seed the global generator with <c>RandomSeed.Set</c>.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public AlphaDropout(double rate, Shape? noiseShape = null, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (rate < 0 || rate >= 1) throw new KerasNetException($"AlphaDropout '{Name}': rate must be in [0, 1), got {rate}.");
        if (seed is not null) throw new NotSupportedException($"AlphaDropout '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Rate = rate;
        NoiseShape = noiseShape;
    }

    /// <summary>Drop probability.</summary>
    public double Rate { get; }

    /// <summary>Shape of the keep/drop draw (batch included), or null for one draw per element.</summary>
    public Shape? NoiseShape { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (!training || Rate == 0) return inputs;
        double alphaP = -Alpha * Scale;
        double a = Math.Pow((1 - Rate) * (1 + Rate * alphaP * alphaP), -0.5);
        double b = -a * alphaP * Rate;
        var noiseShape = NoiseShape is { } ns ? DropoutMask.Resolve(ns, inputs.shape, Name) : inputs.shape;
        using var scope = NewDisposeScope();
        var kept = rand(noiseShape, dtype: inputs.dtype, device: inputs.device).ge_(Rate);
        // a·(x·kept + α'·(1 − kept)) + b = a·x·kept + (a·α' + b) − a·α'·kept
        var y = inputs.mul(kept).mul_(a).add_(kept.mul(-a * alphaP).add_(a * alphaP + b));
        return y.MoveToOuterDisposeScope();
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
