using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Permutes the non-batch axes (Keras <c>Permute</c>): <c>dims</c> is 1-based, e.g. <c>[2, 1]</c> swaps the
/// two axes of <c>(batch, a, b)</c> inputs.
/// </summary>
public sealed class Permute : Layer
{
    private readonly long[] _order;

    /// <summary>Creates the layer; <paramref name="dims"/> must be a permutation of 1…n.</summary>
    public Permute(int[] dims, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (!dims.Order().SequenceEqual(Enumerable.Range(1, dims.Length)))
            throw new KerasNetException($"Permute '{Name}': dims must be a permutation of 1..{dims.Length} (the batch axis 0 cannot move), got ({string.Join(", ", dims)}).");
        Dims = (int[])dims.Clone();
        _order = [0, .. dims.Select(d => (long)d)];
        InputSpec = new InputSpec(Rank: dims.Length + 1);
    }

    /// <summary>The 1-based permutation of the non-batch axes.</summary>
    public IReadOnlyList<int> Dims { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs.permute(_order);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        [new Shape(_order.Select(a => inputShapes[0][(int)a]))];

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["dims"] = new JsonArray(Dims.Select(d => (JsonNode)d).ToArray());
        return c;
    }
}
