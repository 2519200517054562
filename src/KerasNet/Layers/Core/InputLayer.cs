using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The entry point of a Functional graph (Keras <c>InputLayer</c>). Usually created through
/// <see cref="Keras.Input"/>, which returns its symbolic output.
/// </summary>
public sealed class InputLayer : Layer
{
    /// <summary>Creates an input of per-sample <paramref name="shape"/> (or a full <paramref name="batchShape"/>).</summary>
    public InputLayer(Shape? shape = null, int? batchSize = null, string dtype = "float32", string? name = null,
        Shape? batchShape = null, bool sparse = false)
        : base(name ?? LayerNames.Unique("input_layer"))
    {
        if (sparse) throw new NotSupportedException($"InputLayer '{Name}': sparse inputs are not supported.");
        if (shape is null == batchShape is null)
            throw new KerasNetException($"InputLayer '{Name}': give exactly one of shape and batchShape.");
        BatchInputShape = batchShape ?? shape!.WithBatch(batchSize);
        DType = dtype switch
        {
            "float32" => ScalarType.Float32,
            "float64" => ScalarType.Float64,
            "int32" or "int64" => ScalarType.Int64,
            "bool" => ScalarType.Bool,
            _ => throw new NotSupportedException($"InputLayer '{Name}': dtype '{dtype}' is not supported (float32, float64, int32, int64, bool)."),
        };
        DTypeName = dtype;
        Built = true;
        var node = new Node(this, [], new Dictionary<string, object?>());
        node.AddOutputs([BatchInputShape], [DType]);
    }

    /// <summary>The element type of the input.</summary>
    public ScalarType DType { get; }

    /// <summary>The Keras dtype name.</summary>
    public string DTypeName { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["batch_shape"] = ShapeToJson(BatchInputShape!),
        ["dtype"] = DTypeName,
        ["sparse"] = false,
        ["name"] = Name,
    };
}
