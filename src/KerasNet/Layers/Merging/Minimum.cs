using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The element-wise minimum of the inputs (Keras <c>Minimum</c>).</summary>
public sealed class Minimum(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Count; i++) y = minimum(y, inputs[i]);
        return y;
    }
}
