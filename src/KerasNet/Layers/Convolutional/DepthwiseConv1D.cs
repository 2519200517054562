using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// 1-D depthwise convolution (Keras <c>DepthwiseConv1D</c>): every input channel is convolved on its own with
/// <c>depthMultiplier</c> filters, giving <c>in·depthMultiplier</c> output channels; channels are not mixed.
/// </summary>
/// <param name="kernelSize">Window size: one integer or 1.</param>
/// <param name="strides">Step: one integer or 1 (default 1). Above 1 it cannot be combined with <paramref name="dilationRate"/> above 1.</param>
/// <param name="padding"><c>valid</c> or <c>same</c>.</param>
/// <param name="depthMultiplier">Output channels per input channel.</param>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="dilationRate">Dilation: one integer or 1 (default 1).</param>
/// <param name="activation">Activation of the output (default linear).</param>
/// <param name="useBias">Whether a bias is added.</param>
/// <param name="depthwiseInitializer">Kernel initializer (default glorot_uniform).</param>
/// <param name="biasInitializer">Bias initializer (default zeros).</param>
/// <param name="depthwiseRegularizer">Kernel penalty.</param>
/// <param name="biasRegularizer">Bias penalty.</param>
/// <param name="activityRegularizer">Not supported (throws); use an ActivityRegularization layer.</param>
/// <param name="depthwiseConstraint">Kernel projection.</param>
/// <param name="biasConstraint">Bias projection.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Whether the weights are trained.</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class DepthwiseConv1D(IntTuple kernelSize, IntTuple? strides = null, string padding = "valid", int depthMultiplier = 1,
    string dataFormat = "channels_last", IntTuple? dilationRate = null, ActivationFunction? activation = null, bool useBias = true,
    Initializer? depthwiseInitializer = null, Initializer? biasInitializer = null,
    Regularizer? depthwiseRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
    Constraint? depthwiseConstraint = null, Constraint? biasConstraint = null,
    string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseDepthwiseConv(1, kernelSize, strides, padding, depthMultiplier, dataFormat, dilationRate, activation, useBias,
        depthwiseInitializer, biasInitializer, depthwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, biasConstraint,
        name, trainable, inputShape, batchSize);
