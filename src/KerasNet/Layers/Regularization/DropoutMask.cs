using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Inverted dropout with a noise shape, shared by <see cref="Dropout"/> and the spatial dropouts.</summary>
internal static class DropoutMask
{
    /// <summary>
    /// Zeroes inputs with probability <paramref name="rate"/> and scales the kept ones by 1/(1 − rate). The keep/drop
    /// draw has shape <paramref name="noiseShape"/> (size 1 on axes where one draw is shared), broadcast over the input.
    /// </summary>
    public static Tensor Apply(Tensor inputs, double rate, long[] noiseShape)
    {
        double keep = 1.0 - rate;
        using var scope = NewDisposeScope();
        var mask = empty(noiseShape, dtype: inputs.dtype, device: inputs.device).bernoulli_(keep).div_(keep);
        return inputs.mul(mask).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Keras's concrete noise shape: the input's size where <paramref name="noiseShape"/> is unknown (<c>None</c>),
    /// the given size elsewhere; checks that it broadcasts.
    /// </summary>
    public static long[] Resolve(Shape noiseShape, long[] inputShape, string layer)
    {
        if (noiseShape.Rank != inputShape.Length)
            throw new KerasNetException($"Layer '{layer}': noise shape {noiseShape} must have the rank of the input, {Shape.Of(inputShape)}.");
        var dims = noiseShape.Select((d, i) => d ?? inputShape[i]).ToArray();
        for (int i = 0; i < dims.Length; i++)
            if (dims[i] != 1 && dims[i] != inputShape[i])
                throw new KerasNetException($"Layer '{layer}': noise shape {noiseShape} does not broadcast to the input shape {Shape.Of(inputShape)}.");
        return dims;
    }
}
