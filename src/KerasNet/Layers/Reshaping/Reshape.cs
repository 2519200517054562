using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Reshapes each sample to <see cref="TargetShape"/>; one dimension may be -1 (Keras <c>Reshape</c>).</summary>
public sealed class Reshape : Layer
{
    /// <summary>Creates the layer.</summary>
    public Reshape(long[] targetShape, string? name = null, Shape? inputShape = null) : base(name, inputShape: inputShape)
    {
        if (targetShape.Count(d => d == -1) > 1 || targetShape.Any(d => d == 0 || d < -1))
            throw new KerasNetException($"Reshape '{Name}': target shape ({string.Join(", ", targetShape)}) may contain at most one -1 and no zeros.");
        TargetShape = targetShape;
    }

    /// <summary>The per-sample target shape.</summary>
    public long[] TargetShape { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs.reshape([inputs.shape[0], .. ResolvedTarget(inputs.shape.Skip(1).Aggregate(1L, (a, b) => a * b))]);

    private long[] ResolvedTarget(long inputSize)
    {
        long known = TargetShape.Where(d => d != -1).Aggregate(1L, (a, b) => a * b);
        bool hasUnknown = TargetShape.Contains(-1);
        if (hasUnknown ? inputSize % known != 0 : inputSize != known)
            throw new KerasNetException($"Reshape '{Name}': cannot reshape samples of {inputSize} elements to ({string.Join(", ", TargetShape)}).");
        return TargetShape.Select(d => d == -1 ? inputSize / known : d).ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var sample = inputShapes[0].WithoutBatch();
        if (!sample.IsFullyDefined)
            return [new Shape([inputShapes[0][0], .. TargetShape.Select(d => d == -1 ? null : (long?)d)])];
        return [new Shape([inputShapes[0][0], .. ResolvedTarget(sample.NumElements()).Select(d => (long?)d)])];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["target_shape"] = new JsonArray(TargetShape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        return c;
    }
}
