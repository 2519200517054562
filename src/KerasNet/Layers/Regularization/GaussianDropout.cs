using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Multiplies the inputs by noise drawn from N(1, rate / (1 − rate)) in training; identity at inference
/// (Keras <c>GaussianDropout</c>).
/// </summary>
public sealed class GaussianDropout : Layer
{
    /// <summary>Creates the layer; <paramref name="seed"/> is not supported (use <c>RandomSeed.Set</c>).</summary>
    public GaussianDropout(double rate, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (rate < 0 || rate >= 1) throw new KerasNetException($"GaussianDropout '{Name}': rate must be in [0, 1), got {rate}.");
        if (seed is not null) throw new NotSupportedException($"GaussianDropout '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Rate = rate;
    }

    /// <summary>The drop probability that sets the noise's variance, rate / (1 − rate).</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (!training || Rate == 0) return inputs;
        using var scope = NewDisposeScope();
        var noise = empty_like(inputs).normal_(1.0, Math.Sqrt(Rate / (1.0 - Rate)));
        return inputs.mul(noise).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rate"] = Rate;
        c["seed"] = null;
        return c;
    }
}
