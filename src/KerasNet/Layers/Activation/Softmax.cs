using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Softmax over <see cref="Axis"/> (Keras <c>Softmax</c> layer; several axes normalize jointly). Masked positions
/// get −1e9 added before the softmax, so they receive (almost) no probability and a fully masked row stays finite.
/// </summary>
public sealed class Softmax : Layer
{
    private const double LargeNegative = -1e9;
    private readonly long[] _axes;

    /// <summary>Creates the layer (Keras default axis −1).</summary>
    public Softmax(IntTuple? axis = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Axis = axis is null ? [-1] : [.. axis];
        if (Axis.Count == 0) throw new KerasNetException($"Softmax '{Name}': axis must name at least one axis.");
        _axes = Axis.Select(a => (long)a).ToArray();
    }

    /// <summary>The normalized axes.</summary>
    public IReadOnlyList<int> Axis { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 1) throw new KerasNetException($"Softmax '{Name}' takes one input, got {inputs.Count}.");
        using var scope = NewDisposeScope();
        var x = inputs[0];
        if (context.Mask(0) is { } mask)
            x = x.add(mask.logical_not().to(x.dtype).mul(LargeNegative));
        Tensor y;
        if (_axes.Length == 1) y = x.softmax(_axes[0]);
        else
        {
            var e = x.sub(x.amax(_axes, keepdim: true).detach()).exp();
            y = e.div(e.sum(_axes, keepdim: true));
        }
        return [y.MoveToOuterDisposeScope()];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis.Count == 1 ? Axis[0] : new JsonArray(Axis.Select(a => (JsonNode)a).ToArray());
        return c;
    }
}
