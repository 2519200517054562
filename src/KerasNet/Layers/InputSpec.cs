namespace KerasNet.Layers;

/// <summary>
/// What a layer accepts (Keras's <c>InputSpec</c>): an exact or minimum rank and known sizes of
/// particular axes. Checked on every call, with errors that name the layer and both shapes.
/// </summary>
public sealed record InputSpec(int? Rank = null, int? MinRank = null, int? MaxRank = null, IReadOnlyDictionary<int, long>? Axes = null)
{
    /// <summary>Throws when <paramref name="shape"/> (batch included) does not satisfy the spec.</summary>
    public void Check(Layer layer, int inputIndex, Shape shape)
    {
        string Fail(string what) =>
            $"Input {inputIndex} of layer '{layer.Name}' ({layer.GetType().Name}) is incompatible with the layer: {what}, but received input with shape {shape}.";
        if (Rank is int r && shape.Rank != r) throw new KerasNetException(Fail($"expected rank {r} (ndim={r})"));
        if (MinRank is int min && shape.Rank < min) throw new KerasNetException(Fail($"expected rank >= {min}"));
        if (MaxRank is int max && shape.Rank > max) throw new KerasNetException(Fail($"expected rank <= {max}"));
        if (Axes is null) return;
        foreach (var (axis, size) in Axes)
        {
            int a = axis < 0 ? shape.Rank + axis : axis;
            if (a < 0 || a >= shape.Rank || (shape[a] is long d && d != size))
                throw new KerasNetException(Fail($"expected axis {axis} of input shape to have value {size}"));
        }
    }
}
