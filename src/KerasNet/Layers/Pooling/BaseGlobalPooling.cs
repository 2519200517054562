using System.Text.Json.Nodes;
using KerasNet.Backend;

namespace KerasNet.Layers;

/// <summary>
/// What the global pooling layers share (Keras's <c>BaseGlobalPooling</c>): they reduce every spatial axis,
/// keeping them with size 1 when <see cref="Keepdims"/>.
/// </summary>
public abstract class BaseGlobalPooling : Layer
{
    /// <summary>Validates and stores the arguments.</summary>
    protected BaseGlobalPooling(int rank, string dataFormat, bool keepdims, string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        Rank = rank;
        DataFormat = ConvArguments.DataFormat(dataFormat, Name);
        Keepdims = keepdims;
        SpatialAxes = DataLayout.SpatialAxes(rank + 2, DataFormat).Select(a => (long)a).ToArray();
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>Number of spatial axes (1, 2 or 3).</summary>
    public int Rank { get; }
    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }
    /// <summary>Whether the reduced axes are kept with size 1.</summary>
    public bool Keepdims { get; }

    /// <summary>The axes reduced.</summary>
    private protected long[] SpatialAxes { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var s = inputShapes[0];
        if (s.Rank != Rank + 2)
            throw new KerasNetException($"{ClassName} '{Name}' expects inputs of rank {Rank + 2}, got shape {s}.");
        long? channels = s[DataLayout.ChannelAxis(s.Rank, DataFormat)];
        var ones = Enumerable.Repeat((long?)1, Rank);
        return [!Keepdims ? new Shape([s[0], channels])
            : DataFormat == DataLayout.ChannelsLast ? new Shape([s[0], .. ones, channels]) : new Shape([s[0], channels, .. ones])];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["data_format"] = DataFormat;
        c["keepdims"] = Keepdims;
        return c;
    }
}
