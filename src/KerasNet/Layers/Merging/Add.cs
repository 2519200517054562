using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Adds the inputs element-wise (Keras <c>Add</c>).</summary>
public sealed class Add(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Count; i++) y = y.add(inputs[i]);
        return y;
    }
}
