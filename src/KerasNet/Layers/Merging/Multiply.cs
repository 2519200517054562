using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Multiplies the inputs element-wise (Keras <c>Multiply</c>).</summary>
public sealed class Multiply(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Count; i++) y = y.mul(inputs[i]);
        return y;
    }
}
