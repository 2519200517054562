using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The shared logic of <see cref="UpSampling1D"/>, <see cref="UpSampling2D"/> and <see cref="UpSampling3D"/>: nearest-neighbour repetition.</summary>
public abstract class BaseUpSampling : Layer
{
    private protected BaseUpSampling(int rank, IntTuple size, string dataFormat, string? name, bool trainable, Shape? inputShape)
        : base(name, trainable, inputShape)
    {
        DataFormat = Layers.DataFormat.Check(dataFormat, Name);
        Size = size.Expand(rank, Name, "size");
        if (Size.Any(s => s <= 0)) throw new KerasNetException($"Layer '{Name}': size must be positive, got {size}.");
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>The upsampling factor of each spatial axis.</summary>
    public IReadOnlyList<int> Size { get; }

    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var x = inputs;
        for (int i = 0; i < Size.Count; i++)
            if (Size[i] != 1) x = x.repeat_interleave(Size[i], Layers.DataFormat.SpatialAxis(DataFormat, i));
        return x;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var dims = inputShapes[0].ToArray();
        for (int i = 0; i < Size.Count; i++)
        {
            int axis = Layers.DataFormat.SpatialAxis(DataFormat, i);
            dims[axis] *= Size[i];
        }
        return [new Shape(dims)];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["size"] = Size.Count == 1 ? Size[0] : new JsonArray(Size.Select(s => (JsonNode)s).ToArray());
        if (Size.Count > 1) c["data_format"] = DataFormat;
        return c;
    }
}
