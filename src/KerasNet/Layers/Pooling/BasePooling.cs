using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// What the max and average pooling layers share (Keras's <c>BasePooling</c>): the window arguments, the
/// output-shape formula (<c>'valid'</c>: <c>floor((n − pool)/stride) + 1</c>, <c>'same'</c>: <c>ceil(n/stride)</c>)
/// and the config. Subclasses run their op in <see cref="Pool"/>.
/// </summary>
public abstract class BasePooling : Layer
{
    private readonly int[] _poolSize, _strides;

    /// <summary>Validates and stores the arguments; <paramref name="strides"/> defaults to the pool size.</summary>
    protected BasePooling(int rank, IntTuple poolSize, IntTuple? strides, string padding, string dataFormat,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        Rank = rank;
        _poolSize = ConvArguments.Tuple(poolSize, rank, Name, "poolSize");
        _strides = strides is null ? _poolSize : ConvArguments.Tuple(strides, rank, Name, "strides");
        Padding = ConvArguments.Padding(padding, Name);
        DataFormat = ConvArguments.DataFormat(dataFormat, Name);
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>Number of spatial axes (1, 2 or 3).</summary>
    public int Rank { get; }
    /// <summary>Window size per spatial axis.</summary>
    public IReadOnlyList<int> PoolSize => _poolSize;
    /// <summary>Step per spatial axis (the pool size unless given).</summary>
    public IReadOnlyList<int> Strides => _strides;
    /// <summary><c>valid</c> or <c>same</c>.</summary>
    public string Padding { get; }
    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The pooling op on inputs in <see cref="DataFormat"/>.</summary>
    protected abstract Tensor Pool(Tensor inputs);

    /// <inheritdoc />
    protected sealed override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        return Pool(inputs).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override void Build(Shape inputShape) => ComputeOutputShape([inputShape]);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var s = inputShapes[0];
        if (s.Rank != Rank + 2)
            throw new KerasNetException($"{ClassName} '{Name}' expects inputs of rank {Rank + 2}, got shape {s}.");
        var dims = s.ToArray();
        var axes = DataLayout.SpatialAxes(s.Rank, DataFormat);
        for (int i = 0; i < axes.Length; i++)
        {
            dims[axes[i]] = ConvGeometry.OutputLength(s[axes[i]], _poolSize[i], _strides[i], 1, Padding);
            if (dims[axes[i]] <= 0)
                throw new KerasNetException(
                    $"{ClassName} '{Name}': input shape {s} is too small for pool_size ({string.Join(", ", _poolSize)}) with padding '{Padding}'.");
        }
        return [new Shape(dims)];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["pool_size"] = ConvArguments.ToJson(_poolSize);
        c["padding"] = Padding;
        c["strides"] = ConvArguments.ToJson(_strides);
        c["data_format"] = DataFormat;
        return c;
    }
}
