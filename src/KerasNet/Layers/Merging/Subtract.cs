using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>The difference <c>inputs[0] − inputs[1]</c> of exactly two inputs (Keras <c>Subtract</c>).</summary>
public sealed class Subtract(string? name = null, bool trainable = true) : Merge(name, trainable)
{
    /// <inheritdoc />
    private protected override int MinInputs => 2;

    /// <inheritdoc />
    private protected override int MaxInputs => 2;

    /// <inheritdoc />
    private protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs) => inputs[0].sub(inputs[1]);
}
