using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Mean over the steps of <c>(batch, steps, channels)</c> (Keras <c>GlobalAveragePooling1D</c>), giving
/// <c>(batch, channels)</c>. With a mask <c>(batch, steps)</c> only the unmasked steps are averaged; the mask
/// stops here.
/// </summary>
/// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
/// <param name="keepdims">Keep the steps axis with size 1.</param>
/// <param name="name">Layer name.</param>
/// <param name="trainable">Kept for Keras compatibility (the layer has no weights).</param>
/// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
/// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
public sealed class GlobalAveragePooling1D(string dataFormat = "channels_last", bool keepdims = false,
    string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
    : BaseGlobalPooling(1, dataFormat, keepdims, name, trainable, inputShape, batchSize)
{
    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 1)
            throw new KerasNetException($"{ClassName} '{Name}' takes one input, got {inputs.Count}.");
        var x = inputs[0];
        if (context.Mask() is not { } mask) return [x.mean(SpatialAxes, Keepdims)];
        if (mask.dim() != 2 || mask.shape[0] != x.shape[0] || mask.shape[1] != x.shape[SpatialAxes[0]])
            throw new KerasNetException(
                $"{ClassName} '{Name}': the mask must have shape (batch, steps) = ({x.shape[0]}, {x.shape[SpatialAxes[0]]}), got ({string.Join(", ", mask.shape)}).");
        using var scope = NewDisposeScope();
        var valid = mask.to_type(ScalarType.Bool).unsqueeze(DataFormat == "channels_last" ? 2 : 1);
        var sum = x.masked_fill(valid.logical_not(), 0).sum(SpatialAxes, Keepdims);
        var count = valid.to_type(x.dtype).sum(SpatialAxes, Keepdims);
        return [sum.div_(count).MoveToOuterDisposeScope()];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) => null;
}
