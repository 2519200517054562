using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// 2-D average pooling over <c>(batch, rows, cols, channels)</c> (Keras <c>AveragePooling2D</c>). Mean over each window; with 'same', padded cells are left out of the divisor (TensorFlow's rule).
/// </summary>
/// <param name="poolSize">Window size: one integer or 2 (default 2).</param>
/// <param name="strides">Step: one integer or 2; defaults to <paramref name="poolSize"/>.</param>
/// <param name="padding"><c>valid</c> or <c>same</c>.</param>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Kept for Keras compatibility (the layer has no weights).</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class AveragePooling2D(IntTuple? poolSize = null, IntTuple? strides = null, string padding = "valid",
    string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BasePooling(2, poolSize ?? 2, strides, padding, dataFormat, name, trainable, inputShape, batchSize)
{
    /// <inheritdoc />
    protected override Tensor Pool(Tensor inputs) => PoolOps.AveragePool(inputs, PoolSize, Strides, Padding, DataFormat);
}
