using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Scales each sample to unit L2 norm over <see cref="Axis"/>: <c>x / √max(Σx², 1e-12)</c> (Keras <c>UnitNormalization</c>).</summary>
public sealed class UnitNormalization : Layer
{
    private readonly long[] _axes;

    /// <summary>Creates the layer; <paramref name="axis"/> is one axis or several (Keras default -1).</summary>
    public UnitNormalization(IntTuple? axis = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Axis = axis is null ? [-1] : [.. axis];
        if (Axis.Count == 0) throw new KerasNetException($"UnitNormalization '{Name}': axis must name at least one axis.");
        _axes = Axis.Select(a => (long)a).ToArray();
    }

    /// <summary>The axes normalized over, as given.</summary>
    public IReadOnlyList<int> Axis { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        if (Axis.Any(a => a < -inputShape.Rank || a >= inputShape.Rank))
            throw new KerasNetException($"UnitNormalization '{Name}': axis ({string.Join(", ", Axis)}) is out of range for input shape {inputShape}.");
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        var inverseNorm = inputs.square().sum(_axes, keepdim: true).clamp_min(1e-12).rsqrt();
        return inputs.mul(inverseNorm).MoveToOuterDisposeScope();
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
