using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// 1-D temporal convolution over <c>(batch, steps, channels)</c> (Keras <c>Conv1D</c>); with <c>channels_first</c> the channel axis comes right after the batch.
/// </summary>
/// <param name="filters">Number of output channels.</param>
/// <param name="kernelSize">Window size: one integer or 1.</param>
/// <param name="strides">Step: one integer or 1 (default 1). Above 1 it cannot be combined with <paramref name="dilationRate"/> above 1.</param>
/// <param name="padding"><c>valid</c>, <c>same</c> or <c>causal</c> (left padding only, for temporal models).</param>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="dilationRate">Dilation: one integer or 1 (default 1).</param>
/// <param name="groups">Channel groups convolved separately; divides the input channels and <paramref name="filters"/>.</param>
/// <param name="activation">Activation of the output (default linear).</param>
/// <param name="useBias">Whether a bias is added.</param>
/// <param name="kernelInitializer">Kernel initializer (default glorot_uniform).</param>
/// <param name="biasInitializer">Bias initializer (default zeros).</param>
/// <param name="kernelRegularizer">Kernel penalty.</param>
/// <param name="biasRegularizer">Bias penalty.</param>
/// <param name="activityRegularizer">Not supported (throws); use an ActivityRegularization layer.</param>
/// <param name="kernelConstraint">Kernel projection.</param>
/// <param name="biasConstraint">Bias projection.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Whether the weights are trained.</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class Conv1D(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
    string dataFormat = "channels_last", IntTuple? dilationRate = null, int groups = 1, ActivationFunction? activation = null,
    bool useBias = true, Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
    Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
    Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
    string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseStandardConv(1, filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation, useBias,
        kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint,
        name, trainable, inputShape, batchSize);
