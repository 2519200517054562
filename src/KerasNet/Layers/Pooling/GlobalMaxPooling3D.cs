using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Maximum over the spatial axes of <c>(batch, depth, rows, cols, channels)</c> (Keras <c>GlobalMaxPooling3D</c>), giving <c>(batch, channels)</c>.
/// </summary>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="keepdims">Keep the reduced axes with size 1.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Kept for Keras compatibility (the layer has no weights).</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class GlobalMaxPooling3D(string dataFormat = "channels_last", bool keepdims = false,
    string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseGlobalPooling(3, dataFormat, keepdims, name, trainable, inputShape, batchSize)
{
    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs.amax(SpatialAxes, Keepdims);
}
