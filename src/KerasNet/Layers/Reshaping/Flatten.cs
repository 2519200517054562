using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Flattens every axis but the batch axis, in Keras's (channels-last) order (Keras <c>Flatten</c>).</summary>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    public Flatten(string dataFormat = "channels_last", string? name = null, Shape? inputShape = null) : base(name, inputShape: inputShape)
    {
        if (dataFormat is not ("channels_last" or "channels_first"))
            throw new KerasNetException($"Flatten '{Name}': dataFormat must be channels_last or channels_first, got '{dataFormat}'.");
        DataFormat = dataFormat;
        InputSpec = new InputSpec(MinRank: 1);
    }

    /// <summary>Data format of the input (channels_first inputs are flattened in channels-last order, like Keras).</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (DataFormat == "channels_first" && inputs.dim() > 2)
            inputs = inputs.movedim([1L], [-1L]);
        return inputs.reshape(inputs.shape[0], -1);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var s = inputShapes[0];
        var rest = s.Skip(1).ToList();
        long? size = rest.All(d => d.HasValue) ? rest.Aggregate(1L, (a, d) => a * d!.Value) : null;
        return [new Shape([s[0], size])];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["data_format"] = DataFormat;
        return c;
    }
}
