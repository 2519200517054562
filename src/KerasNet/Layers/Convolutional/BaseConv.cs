using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// What every convolution layer shares: the window arguments (kernel size, strides, padding, data format,
/// dilation), the activation and the bias, the output-shape formula and the build steps. Subclasses create
/// their kernels and run their op (<see cref="Convolve"/>); padding and layout conversion live in the ops.
/// </summary>
public abstract class BaseConv : Layer
{
    private readonly int[] _kernelSize, _strides, _dilationRate;

    /// <summary>Validates and stores the shared arguments (Keras's defaults are the subclasses').</summary>
    protected BaseConv(int rank, IntTuple kernelSize, IntTuple? strides, string padding, string dataFormat, IntTuple? dilationRate,
        ActivationFunction? activation, bool useBias, Initializer? biasInitializer, Regularizer? biasRegularizer,
        Regularizer? activityRegularizer, Constraint? biasConstraint, bool allowCausal,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        if (activityRegularizer is not null)
            throw new NotSupportedException($"{ClassName} '{Name}': activityRegularizer is not supported; use an ActivityRegularization layer.");
        Rank = rank;
        _kernelSize = ConvArguments.Tuple(kernelSize, rank, Name, "kernelSize");
        _strides = ConvArguments.Tuple(strides ?? 1, rank, Name, "strides");
        _dilationRate = ConvArguments.Tuple(dilationRate ?? 1, rank, Name, "dilationRate");
        Padding = ConvArguments.Padding(padding, Name, allowCausal);
        DataFormat = ConvArguments.DataFormat(dataFormat, Name);
        if (_strides.Max() > 1 && _dilationRate.Max() > 1)
            throw new KerasNetException(
                $"{ClassName} '{Name}': strides > 1 is not supported together with dilationRate > 1, got strides {strides} and dilationRate {dilationRate}.");
        Activation = activation ?? Activations.Activations.Linear;
        UseBias = useBias;
        BiasInitializer = biasInitializer ?? new Zeros();
        BiasRegularizer = biasRegularizer;
        BiasConstraint = biasConstraint;
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>Number of spatial axes (1, 2 or 3).</summary>
    public int Rank { get; }
    /// <summary>Window size per spatial axis.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize;
    /// <summary>Step per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides;
    /// <summary><c>valid</c>, <c>same</c> or (Conv1D) <c>causal</c>.</summary>
    public string Padding { get; }
    /// <summary><c>channels_last</c> (batch, …, channels) or <c>channels_first</c> (batch, channels, …).</summary>
    public string DataFormat { get; }
    /// <summary>Dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate;
    /// <summary>Activation applied to the output.</summary>
    public ActivationFunction Activation { get; }
    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }
    /// <summary>Bias initializer (zeros).</summary>
    public Initializer BiasInitializer { get; }
    /// <summary>Bias penalty.</summary>
    public Regularizer? BiasRegularizer { get; }
    /// <summary>Bias projection.</summary>
    public Constraint? BiasConstraint { get; }
    /// <summary>The bias, one value per output channel, when <see cref="UseBias"/>.</summary>
    public KerasVariable? Bias { get; private set; }

    /// <summary>Number of output channels for <paramref name="inputChannels"/> input channels (null if unknown).</summary>
    protected abstract long? OutputChannels(long? inputChannels);

    /// <summary>Creates the kernel weights (in Keras's order; the bias follows).</summary>
    protected abstract void CreateKernels(long inputChannels);

    /// <summary>The op without activation: <paramref name="inputs"/> in <see cref="DataFormat"/>, bias included.</summary>
    protected abstract Tensor Convolve(Tensor inputs);

    /// <summary>Output length along spatial axis <paramref name="axis"/> (Keras's conv formula by default).</summary>
    protected virtual long? OutputLength(long? inputLength, int axis) =>
        ConvGeometry.OutputLength(inputLength, _kernelSize[axis], _strides[axis], _dilationRate[axis], Padding);

    /// <inheritdoc />
    public sealed override void Build(Shape inputShape)
    {
        int channelAxis = DataLayout.ChannelAxis(inputShape.Rank, DataFormat);
        long channels = inputShape[channelAxis] ?? throw new KerasNetException(
            $"{ClassName} '{Name}': the channel axis of the input must be known, got input shape {inputShape} ({DataFormat}).");
        ComputeOutputShape([inputShape]);
        CreateKernels(channels);
        if (UseBias)
            Bias = AddWeight("bias", Shape.Of(OutputChannels(channels)!.Value), BiasInitializer, regularizer: BiasRegularizer, constraint: BiasConstraint);
        InputSpec = new InputSpec(Rank: Rank + 2, Axes: new Dictionary<int, long> { [channelAxis] = channels });
    }

    /// <inheritdoc />
    protected sealed override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        return Activation.Call(Convolve(inputs)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var s = inputShapes[0];
        if (s.Rank != Rank + 2)
            throw new KerasNetException($"{ClassName} '{Name}' expects inputs of rank {Rank + 2}, got shape {s}.");
        var spatial = DataLayout.SpatialAxes(s.Rank, DataFormat).Select((axis, i) => OutputLength(s[axis], i)).ToArray();
        if (spatial.Any(d => d <= 0))
            throw new KerasNetException(
                $"{ClassName} '{Name}': input shape {s} is too small for kernel_size {Tuple(_kernelSize)}, strides {Tuple(_strides)}, " +
                $"dilation_rate {Tuple(_dilationRate)} and padding '{Padding}': the output would have spatial size {Tuple(spatial)}.");
        var channels = OutputChannels(s[DataLayout.ChannelAxis(s.Rank, DataFormat)]);
        return [DataFormat == DataLayout.ChannelsLast ? new Shape([s[0], .. spatial, channels]) : new Shape([s[0], channels, .. spatial])];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["kernel_size"] = ConvArguments.ToJson(_kernelSize);
        c["strides"] = ConvArguments.ToJson(_strides);
        c["padding"] = Padding;
        c["data_format"] = DataFormat;
        c["dilation_rate"] = ConvArguments.ToJson(_dilationRate);
        c["activation"] = Activation.ToConfig();
        c["use_bias"] = UseBias;
        c["bias_initializer"] = BiasInitializer.ToConfig();
        c["bias_regularizer"] = BiasRegularizer?.ToConfig();
        c["activity_regularizer"] = null;
        c["bias_constraint"] = BiasConstraint?.ToConfig();
        return c;
    }

    private static string Tuple<T>(IEnumerable<T> values) => "(" + string.Join(", ", values.Select(v => v?.ToString() ?? "None")) + ")";
}
