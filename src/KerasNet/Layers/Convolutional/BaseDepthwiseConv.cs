using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The depthwise convolution behind <see cref="DepthwiseConv1D"/> and <see cref="DepthwiseConv2D"/> (Keras's
/// <c>BaseDepthwiseConv</c>): each input channel is convolved on its own with <see cref="DepthMultiplier"/>
/// filters; output channel <c>c·depth_multiplier + m</c> comes from input channel <c>c</c>. The kernel is laid out
/// <c>(k…, in, depth_multiplier)</c>.
/// </summary>
public abstract class BaseDepthwiseConv : BaseConv
{
    /// <summary>Validates and stores the arguments.</summary>
    protected BaseDepthwiseConv(int rank, IntTuple kernelSize, IntTuple? strides, string padding, int depthMultiplier, string dataFormat,
        IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? depthwiseInitializer, Initializer? biasInitializer, Regularizer? depthwiseRegularizer, Regularizer? biasRegularizer,
        Regularizer? activityRegularizer, Constraint? depthwiseConstraint, Constraint? biasConstraint,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(rank, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias, biasInitializer, biasRegularizer,
            activityRegularizer, biasConstraint, allowCausal: false, name, trainable, inputShape, batchSize)
    {
        if (depthMultiplier <= 0)
            throw new KerasNetException($"{ClassName} '{Name}': depthMultiplier must be positive, got {depthMultiplier}.");
        DepthMultiplier = depthMultiplier;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        DepthwiseRegularizer = depthwiseRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
    }

    /// <summary>Output channels per input channel.</summary>
    public int DepthMultiplier { get; }
    /// <summary>Kernel initializer (glorot_uniform).</summary>
    public Initializer DepthwiseInitializer { get; }
    /// <summary>Kernel penalty.</summary>
    public Regularizer? DepthwiseRegularizer { get; }
    /// <summary>Kernel projection.</summary>
    public Constraint? DepthwiseConstraint { get; }
    /// <summary>The kernel, <c>(k…, in, depth_multiplier)</c>, named <c>depthwise_kernel</c> as in Keras 2 and TF.js.</summary>
    public KerasVariable DepthwiseKernel { get; private set; } = null!;

    /// <inheritdoc />
    protected override long? OutputChannels(long? inputChannels) => inputChannels * DepthMultiplier;

    /// <inheritdoc />
    protected override void CreateKernels(long inputChannels) =>
        DepthwiseKernel = AddWeight("depthwise_kernel", new Shape([.. KernelSize.Select(k => (long?)k), inputChannels, DepthMultiplier]),
            DepthwiseInitializer, regularizer: DepthwiseRegularizer, constraint: DepthwiseConstraint);

    /// <inheritdoc />
    protected override Tensor Convolve(Tensor inputs) =>
        ConvOps.DepthwiseConv(inputs, DepthwiseKernel.Value, Bias?.Value, Strides, Padding, DilationRate, DataFormat);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["depth_multiplier"] = DepthMultiplier;
        c["depthwise_initializer"] = DepthwiseInitializer.ToConfig();
        c["depthwise_regularizer"] = DepthwiseRegularizer?.ToConfig();
        c["depthwise_constraint"] = DepthwiseConstraint?.ToConfig();
        return c;
    }
}
