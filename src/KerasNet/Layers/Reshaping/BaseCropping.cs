using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The shared logic of <see cref="Cropping1D"/>, <see cref="Cropping2D"/> and <see cref="Cropping3D"/>.</summary>
public abstract class BaseCropping : Layer
{
    private protected BaseCropping(int rank, IntPairs cropping, string dataFormat, string? name, bool trainable, Shape? inputShape)
        : base(name, trainable, inputShape)
    {
        DataFormat = Layers.DataFormat.Check(dataFormat, Name);
        Cropping = cropping.Expand(rank, Name, "cropping");
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>The <c>(before, after)</c> amounts removed on each spatial axis.</summary>
    public IReadOnlyList<(int Before, int After)> Cropping { get; }

    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override void Build(Shape inputShape) => ComputeOutputShape([inputShape]);

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var x = inputs;
        for (int i = 0; i < Cropping.Count; i++)
        {
            int axis = Layers.DataFormat.SpatialAxis(DataFormat, i);
            var (before, after) = Cropping[i];
            x = x.narrow(axis, before, CroppedSize(x.shape[axis], i, Shape.Of(inputs.shape)));
        }
        return x;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var dims = inputShapes[0].ToArray();
        for (int i = 0; i < Cropping.Count; i++)
        {
            int axis = Layers.DataFormat.SpatialAxis(DataFormat, i);
            if (dims[axis] is long d) dims[axis] = CroppedSize(d, i, inputShapes[0]);
        }
        return [new Shape(dims)];
    }

    private long CroppedSize(long size, int index, Shape inputShape)
    {
        var (before, after) = Cropping[index];
        long left = size - before - after;
        return left > 0 ? left
            : throw new KerasNetException($"Layer '{Name}' ({ClassName}): cropping ({before}, {after}) on spatial axis {index} leaves nothing of size {size}; input shape {inputShape}.");
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["cropping"] = IntPairs.ToJson(Cropping);
        if (Cropping.Count > 1) c["data_format"] = DataFormat;
        return c;
    }
}
