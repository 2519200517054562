using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// 1-D transposed convolution, sometimes called deconvolution (Keras <c>Conv1DTranspose</c>): maps the shape
/// of a convolution's output back to the shape of its input. 'same' gives <c>n·strides</c> cells per axis.
/// </summary>
/// <param name="filters">Number of output channels.</param>
/// <param name="kernelSize">Window size: one integer or 1.</param>
/// <param name="strides">Step: one integer or 1 (default 1). Above 1 it cannot be combined with <paramref name="dilationRate"/> above 1.</param>
/// <param name="padding"><c>valid</c> or <c>same</c>.</param>
/// <param name="outputPadding">Extra cells at the end of each output axis, each smaller than its stride; null for Keras's default.</param>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="dilationRate">Dilation: one integer or 1 (default 1).</param>
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
public sealed class Conv1DTranspose(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
    IntTuple? outputPadding = null, string dataFormat = "channels_last", IntTuple? dilationRate = null,
    ActivationFunction? activation = null, bool useBias = true, Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
    Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
    Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
    string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseConvTranspose(1, filters, kernelSize, strides, padding, outputPadding, dataFormat, dilationRate, activation, useBias,
        kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint,
        name, trainable, inputShape, batchSize);
