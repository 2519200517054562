using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The N-D transposed convolution behind <see cref="Conv1DTranspose"/>, <see cref="Conv2DTranspose"/> and
/// <see cref="Conv3DTranspose"/> (Keras's <c>BaseConvTranspose</c>), with TensorFlow's output sizes: the
/// gradient of a convolution. The kernel is laid out <c>(k…, filters, in)</c>.
/// </summary>
public abstract class BaseConvTranspose : BaseConv
{
    private readonly int[]? _outputPadding;

    /// <summary>Validates and stores the arguments.</summary>
    protected BaseConvTranspose(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding, IntTuple? outputPadding,
        string dataFormat, IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer, Regularizer? biasRegularizer,
        Regularizer? activityRegularizer, Constraint? kernelConstraint, Constraint? biasConstraint,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(rank, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias, biasInitializer, biasRegularizer,
            activityRegularizer, biasConstraint, allowCausal: false, name, trainable, inputShape, batchSize)
    {
        if (filters <= 0) throw new KerasNetException($"{ClassName} '{Name}': filters must be positive, got {filters}.");
        Filters = filters;
        if (outputPadding is not null)
        {
            _outputPadding = ConvArguments.Tuple(outputPadding, rank, Name, "outputPadding", allowZero: true);
            if (_outputPadding.Where((p, i) => p >= Strides[i]).Any())
                throw new KerasNetException($"{ClassName} '{Name}': outputPadding must be smaller than strides, got outputPadding {outputPadding} and strides {strides ?? 1}.");
        }
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        KernelRegularizer = kernelRegularizer;
        KernelConstraint = kernelConstraint;
    }

    /// <summary>Number of output channels.</summary>
    public int Filters { get; }
    /// <summary>Extra cells at the end of each spatial axis of the output; null for Keras's default.</summary>
    public IReadOnlyList<int>? OutputPadding => _outputPadding;
    /// <summary>Kernel initializer (glorot_uniform).</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Kernel penalty.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Kernel projection.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>The kernel, <c>(k…, filters, in)</c>.</summary>
    public KerasVariable Kernel { get; private set; } = null!;

    /// <inheritdoc />
    protected override long? OutputChannels(long? inputChannels) => Filters;

    /// <inheritdoc />
    protected override long? OutputLength(long? inputLength, int axis) =>
        ConvGeometry.TransposeOutputLength(inputLength, KernelSize[axis], Strides[axis], DilationRate[axis], Padding, _outputPadding?[axis]);

    /// <inheritdoc />
    protected override void CreateKernels(long inputChannels) =>
        Kernel = AddWeight("kernel", new Shape([.. KernelSize.Select(k => (long?)k), Filters, inputChannels]),
            KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);

    /// <inheritdoc />
    protected override Tensor Convolve(Tensor inputs) =>
        ConvOps.ConvTranspose(inputs, Kernel.Value, Bias?.Value, Strides, Padding, _outputPadding, DilationRate, DataFormat);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["filters"] = Filters;
        c["output_padding"] = _outputPadding is null ? null : ConvArguments.ToJson(_outputPadding);
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        return c;
    }
}
