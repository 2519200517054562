using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The element-wise maximum of the inputs (Keras <c>Maximum</c>).</summary>
public sealed class Maximum(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Count; i++) y = maximum(y, inputs[i]);
        return y;
    }
}
