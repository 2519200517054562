using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Adds noise drawn from N(0, stddev²) in training; identity at inference (Keras <c>GaussianNoise</c>).</summary>
public sealed class GaussianNoise : Layer
{
    /// <summary>Creates the layer; <paramref name="seed"/> is not supported (use <c>RandomSeed.Set</c>).</summary>
    public GaussianNoise(double stddev, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (!(stddev >= 0) || double.IsInfinity(stddev)) throw new KerasNetException($"GaussianNoise '{Name}': stddev must be a non-negative number, got {stddev}.");
        if (seed is not null) throw new NotSupportedException($"GaussianNoise '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Stddev = stddev;
    }

    /// <summary>Standard deviation of the noise.</summary>
    public double Stddev { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (!training || Stddev == 0) return inputs;
        using var scope = NewDisposeScope();
        var noise = empty_like(inputs).normal_(0.0, Stddev);
        return inputs.add(noise).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["stddev"] = Stddev;
        c["seed"] = null;
        return c;
    }
}
