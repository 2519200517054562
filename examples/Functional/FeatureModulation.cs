using KerasNet;
using KerasNet.Layers;
using static TorchSharp.torch;

/// <summary>
/// A custom two-input layer (feature-wise linear modulation): scales and shifts the hidden features
/// <c>h</c> (batch, units) with a conditioning vector <c>c</c> (batch, 2·units): <c>h · (1 + c[:units]) + c[units:]</c>.
/// It has no weights of its own; the conditioning comes from a Dense layer on the metadata.
/// </summary>
public sealed class FeatureModulation(string? name = null) : Layer(name)
{
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count != 2 || inputShapes[1][-1] != 2 * inputShapes[0][-1])
            throw new KerasNetException($"FeatureModulation '{Name}' needs [features (batch, n), conditioning (batch, 2n)], got {string.Join(", ", inputShapes)}.");
    }

    protected override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        var (h, c) = (inputs[0], inputs[1]);
        long units = h.shape[^1];
        return [h * (c.narrow(-1, 0, units) + 1) + c.narrow(-1, units, units)];
    }

    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => [inputShapes[0]];
}
