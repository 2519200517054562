using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The standard N-D convolution behind <see cref="Conv1D"/>, <see cref="Conv2D"/> and <see cref="Conv3D"/>
/// (Keras's <c>BaseConv</c>): <c>activation(conv(inputs, kernel) + bias)</c> with a kernel laid out
/// <c>(k…, in/groups, filters)</c>.
/// </summary>
public abstract class BaseStandardConv : BaseConv
{
    /// <summary>Validates and stores the arguments.</summary>
    protected BaseStandardConv(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding, string dataFormat,
        IntTuple? dilationRate, int groups, ActivationFunction? activation, bool useBias,
        Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer, Regularizer? biasRegularizer,
        Regularizer? activityRegularizer, Constraint? kernelConstraint, Constraint? biasConstraint,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(rank, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias, biasInitializer, biasRegularizer,
            activityRegularizer, biasConstraint, allowCausal: rank == 1, name, trainable, inputShape, batchSize)
    {
        if (filters <= 0) throw new KerasNetException($"{ClassName} '{Name}': filters must be positive, got {filters}.");
        if (groups <= 0) throw new KerasNetException($"{ClassName} '{Name}': groups must be positive, got {groups}.");
        if (filters % groups != 0)
            throw new KerasNetException($"{ClassName} '{Name}': filters ({filters}) must be divisible by groups ({groups}).");
        Filters = filters;
        Groups = groups;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        KernelRegularizer = kernelRegularizer;
        KernelConstraint = kernelConstraint;
    }

    /// <summary>Number of output channels.</summary>
    public int Filters { get; }
    /// <summary>Number of channel groups convolved separately.</summary>
    public int Groups { get; }
    /// <summary>Kernel initializer (glorot_uniform).</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Kernel penalty.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Kernel projection.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>The kernel, <c>(k…, in/groups, filters)</c>.</summary>
    public KerasVariable Kernel { get; private set; } = null!;

    /// <inheritdoc />
    protected override long? OutputChannels(long? inputChannels) => Filters;

    /// <inheritdoc />
    protected override void CreateKernels(long inputChannels)
    {
        if (inputChannels % Groups != 0)
            throw new KerasNetException($"{ClassName} '{Name}': the number of input channels ({inputChannels}) must be divisible by groups ({Groups}).");
        Kernel = AddWeight("kernel", new Shape([.. KernelSize.Select(k => (long?)k), inputChannels / Groups, Filters]),
            KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
    }

    /// <inheritdoc />
    protected override Tensor Convolve(Tensor inputs) =>
        ConvOps.Conv(inputs, Kernel.Value, Bias?.Value, Strides, Padding, DilationRate, DataFormat, Groups);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["filters"] = Filters;
        c["groups"] = Groups;
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        return c;
    }
}
