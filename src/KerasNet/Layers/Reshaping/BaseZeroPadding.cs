using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The shared logic of <see cref="ZeroPadding1D"/>, <see cref="ZeroPadding2D"/> and <see cref="ZeroPadding3D"/>.</summary>
public abstract class BaseZeroPadding : Layer
{
    private readonly long[] _torchPad;

    private protected BaseZeroPadding(int rank, IntPairs padding, string dataFormat, string? name, bool trainable, Shape? inputShape)
        : base(name, trainable, inputShape)
    {
        DataFormat = Layers.DataFormat.Check(dataFormat, Name);
        Padding = padding.Expand(rank, Name, "padding");
        InputSpec = new InputSpec(Rank: rank + 2);
        // torch's pad lists (before, after) from the last axis backwards; channels_last inputs end with the channel axis.
        var spatial = Padding.Reverse().SelectMany(p => new long[] { p.Before, p.After });
        _torchPad = DataFormat == "channels_last" ? [0, 0, .. spatial] : [.. spatial];
    }

    /// <summary>The <c>(before, after)</c> number of zeros added on each spatial axis.</summary>
    public IReadOnlyList<(int Before, int After)> Padding { get; }

    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => nn.functional.pad(inputs, _torchPad);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var dims = inputShapes[0].ToArray();
        for (int i = 0; i < Padding.Count; i++)
        {
            int axis = Layers.DataFormat.SpatialAxis(DataFormat, i);
            if (dims[axis] is long d) dims[axis] = d + Padding[i].Before + Padding[i].After;
        }
        return [new Shape(dims)];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["padding"] = IntPairs.ToJson(Padding);
        if (Padding.Count > 1) c["data_format"] = DataFormat;
        return c;
    }
}
