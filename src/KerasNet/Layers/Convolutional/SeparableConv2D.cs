using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// 2-D depthwise separable convolution (Keras <c>SeparableConv2D</c>): a depthwise convolution of each input
/// channel, then a 1-wide pointwise convolution that mixes the channels into <c>filters</c> outputs.
/// </summary>
/// <param name="filters">Number of output channels.</param>
/// <param name="kernelSize">Depthwise window size: one integer or 2.</param>
/// <param name="strides">Depthwise step: one integer or 2 (default 1). Above 1 it cannot be combined with <paramref name="dilationRate"/> above 1.</param>
/// <param name="padding"><c>valid</c> or <c>same</c>.</param>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="dilationRate">Depthwise dilation: one integer or 2 (default 1).</param>
/// <param name="depthMultiplier">Depthwise output channels per input channel.</param>
/// <param name="activation">Activation of the output (default linear).</param>
/// <param name="useBias">Whether a bias is added.</param>
/// <param name="depthwiseInitializer">Depthwise kernel initializer (default glorot_uniform).</param>
/// <param name="pointwiseInitializer">Pointwise kernel initializer (default glorot_uniform).</param>
/// <param name="biasInitializer">Bias initializer (default zeros).</param>
/// <param name="depthwiseRegularizer">Depthwise kernel penalty.</param>
/// <param name="pointwiseRegularizer">Pointwise kernel penalty.</param>
/// <param name="biasRegularizer">Bias penalty.</param>
/// <param name="activityRegularizer">Not supported (throws); use an ActivityRegularization layer.</param>
/// <param name="depthwiseConstraint">Depthwise kernel projection.</param>
/// <param name="pointwiseConstraint">Pointwise kernel projection.</param>
/// <param name="biasConstraint">Bias projection.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Whether the weights are trained.</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class SeparableConv2D(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
    string dataFormat = "channels_last", IntTuple? dilationRate = null, int depthMultiplier = 1, ActivationFunction? activation = null,
    bool useBias = true, Initializer? depthwiseInitializer = null, Initializer? pointwiseInitializer = null, Initializer? biasInitializer = null,
    Regularizer? depthwiseRegularizer = null, Regularizer? pointwiseRegularizer = null, Regularizer? biasRegularizer = null,
    Regularizer? activityRegularizer = null, Constraint? depthwiseConstraint = null, Constraint? pointwiseConstraint = null,
    Constraint? biasConstraint = null, string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseSeparableConv(2, depthMultiplier, filters, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias,
        depthwiseInitializer, pointwiseInitializer, biasInitializer, depthwiseRegularizer, pointwiseRegularizer, biasRegularizer,
        activityRegularizer, depthwiseConstraint, pointwiseConstraint, biasConstraint, name, trainable, inputShape, batchSize);
