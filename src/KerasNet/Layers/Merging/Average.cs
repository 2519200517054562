using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The element-wise mean of the inputs (Keras <c>Average</c>).</summary>
public sealed class Average(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Count; i++) y = y.add(inputs[i]);
        return y.div(inputs.Count);
    }
}
