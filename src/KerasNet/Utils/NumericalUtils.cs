using static TorchSharp.torch;

namespace KerasNet.Utils;

/// <summary>Keras's numerical utilities (<c>keras.utils.to_categorical</c>, <c>keras.utils.normalize</c>).</summary>
public static class NumericalUtils
{
    /// <summary>
    /// One-hot encodes class indices (Keras <c>to_categorical</c>): float32 with a new last axis of
    /// <paramref name="numClasses"/>; a trailing axis of size 1 is replaced.
    /// </summary>
    /// <param name="y">Integer class indices.</param>
    /// <param name="numClasses">Number of classes; null uses the largest index + 1.</param>
    public static Tensor ToCategorical(Tensor y, int? numClasses = null)
    {
        using var scope = NewDisposeScope();
        var labels = y.dim() > 1 && y.shape[^1] == 1 ? y.squeeze(-1) : y;
        if (labels.is_floating_point())
        {
            if (!labels.eq(labels.round()).all().item<bool>()) throw new KerasNetException("ToCategorical: class indices must be whole numbers.");
            labels = labels.to(ScalarType.Int64);
        }
        labels = labels.to(ScalarType.Int64);
        long max = labels.numel() == 0 ? -1 : labels.max().item<long>();
        long min = labels.numel() == 0 ? 0 : labels.min().item<long>();
        long classes = numClasses ?? max + 1;
        if (min < 0 || max >= classes)
            throw new KerasNetException($"ToCategorical: class indices must be in [0, {classes}), got values from {min} to {max}.");
        return nn.functional.one_hot(labels, classes).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>Scales vectors along <paramref name="axis"/> to unit <paramref name="order"/>-norm (Keras <c>normalize</c>); zero vectors stay zero.</summary>
    /// <param name="x">The data.</param>
    /// <param name="axis">Axis of the vectors.</param>
    /// <param name="order">Norm order (2: Euclidean, 1: sum of absolute values).</param>
    public static Tensor Normalize(Tensor x, int axis = -1, double order = 2)
    {
        using var scope = NewDisposeScope();
        var norm = linalg.vector_norm(x, order, [axis], keepdim: true);
        return (x / norm.masked_fill(norm.eq(0), 1)).MoveToOuterDisposeScope();
    }
}
