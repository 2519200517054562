using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The depthwise separable convolution behind <see cref="SeparableConv1D"/> and <see cref="SeparableConv2D"/>
/// (Keras's <c>BaseSeparableConv</c>): a depthwise convolution <c>(k…, in, depth_multiplier)</c> (which takes the
/// strides, padding and dilation) followed by a pointwise convolution <c>(1…, in·depth_multiplier, filters)</c>
/// and the bias.
/// </summary>
public abstract class BaseSeparableConv : BaseConv
{
    /// <summary>Validates and stores the arguments.</summary>
    protected BaseSeparableConv(int rank, int depthMultiplier, int filters, IntTuple kernelSize, IntTuple? strides, string padding,
        string dataFormat, IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? depthwiseInitializer, Initializer? pointwiseInitializer, Initializer? biasInitializer,
        Regularizer? depthwiseRegularizer, Regularizer? pointwiseRegularizer, Regularizer? biasRegularizer, Regularizer? activityRegularizer,
        Constraint? depthwiseConstraint, Constraint? pointwiseConstraint, Constraint? biasConstraint,
        string? name, bool trainable, Shape? inputShape, int? batchSize)
        : base(rank, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias, biasInitializer, biasRegularizer,
            activityRegularizer, biasConstraint, allowCausal: false, name, trainable, inputShape, batchSize)
    {
        if (depthMultiplier <= 0)
            throw new KerasNetException($"{ClassName} '{Name}': depthMultiplier must be positive, got {depthMultiplier}.");
        if (filters <= 0) throw new KerasNetException($"{ClassName} '{Name}': filters must be positive, got {filters}.");
        DepthMultiplier = depthMultiplier;
        Filters = filters;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        PointwiseInitializer = pointwiseInitializer ?? new GlorotUniform();
        DepthwiseRegularizer = depthwiseRegularizer;
        PointwiseRegularizer = pointwiseRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
        PointwiseConstraint = pointwiseConstraint;
    }

    /// <summary>Depthwise output channels per input channel.</summary>
    public int DepthMultiplier { get; }
    /// <summary>Number of output channels.</summary>
    public int Filters { get; }
    /// <summary>Depthwise kernel initializer (glorot_uniform).</summary>
    public Initializer DepthwiseInitializer { get; }
    /// <summary>Pointwise kernel initializer (glorot_uniform).</summary>
    public Initializer PointwiseInitializer { get; }
    /// <summary>Depthwise kernel penalty.</summary>
    public Regularizer? DepthwiseRegularizer { get; }
    /// <summary>Pointwise kernel penalty.</summary>
    public Regularizer? PointwiseRegularizer { get; }
    /// <summary>Depthwise kernel projection.</summary>
    public Constraint? DepthwiseConstraint { get; }
    /// <summary>Pointwise kernel projection.</summary>
    public Constraint? PointwiseConstraint { get; }
    /// <summary>The depthwise kernel, <c>(k…, in, depth_multiplier)</c>.</summary>
    public KerasVariable DepthwiseKernel { get; private set; } = null!;
    /// <summary>The pointwise kernel, <c>(1…, in·depth_multiplier, filters)</c>.</summary>
    public KerasVariable PointwiseKernel { get; private set; } = null!;

    /// <inheritdoc />
    protected override long? OutputChannels(long? inputChannels) => Filters;

    /// <inheritdoc />
    protected override void CreateKernels(long inputChannels)
    {
        DepthwiseKernel = AddWeight("depthwise_kernel", new Shape([.. KernelSize.Select(k => (long?)k), inputChannels, DepthMultiplier]),
            DepthwiseInitializer, regularizer: DepthwiseRegularizer, constraint: DepthwiseConstraint);
        PointwiseKernel = AddWeight("pointwise_kernel", new Shape([.. Enumerable.Repeat((long?)1, Rank), inputChannels * DepthMultiplier, Filters]),
            PointwiseInitializer, regularizer: PointwiseRegularizer, constraint: PointwiseConstraint);
    }

    /// <inheritdoc />
    protected override Tensor Convolve(Tensor inputs) =>
        ConvOps.SeparableConv(inputs, DepthwiseKernel.Value, PointwiseKernel.Value, Bias?.Value, Strides, Padding, DilationRate, DataFormat);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["depth_multiplier"] = DepthMultiplier;
        c["filters"] = Filters;
        c["depthwise_initializer"] = DepthwiseInitializer.ToConfig();
        c["pointwise_initializer"] = PointwiseInitializer.ToConfig();
        c["depthwise_regularizer"] = DepthwiseRegularizer?.ToConfig();
        c["pointwise_regularizer"] = PointwiseRegularizer?.ToConfig();
        c["depthwise_constraint"] = DepthwiseConstraint?.ToConfig();
        c["pointwise_constraint"] = PointwiseConstraint?.ToConfig();
        return c;
    }
}
