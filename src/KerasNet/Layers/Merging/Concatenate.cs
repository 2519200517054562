using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Concatenates its inputs along <see cref="Axis"/> (Keras <c>Concatenate</c>; negative axes count from the end).
/// The inputs must have equal ranks and equal sizes on every other axis (checked when the layer is built). With
/// masks, each input's mask (all true where it has none) is concatenated the same way.
/// </summary>
public sealed class Concatenate : Layer
{
    /// <summary>Creates the layer (Keras default axis −1).</summary>
    public Concatenate(int axis = -1, string? name = null, bool trainable = true) : base(name, trainable) => Axis = axis;

    /// <summary>The concatenation axis.</summary>
    public int Axis { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes) => ComputeOutputShape(inputShapes);

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count == 0) throw new KerasNetException($"Concatenate layer '{Name}' must be called on at least one input.");
        return [cat(inputs.ToList(), Axis)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        string Shapes() => string.Join(", ", inputShapes);
        if (inputShapes.Count == 0) throw new KerasNetException($"Concatenate layer '{Name}' must be called on at least one input.");
        int rank = inputShapes[0].Rank;
        if (inputShapes.Any(s => s.Rank != rank))
            throw new KerasNetException($"Concatenate layer '{Name}' requires inputs of the same rank; received shapes {Shapes()}.");
        int axis = Axis < 0 ? Axis + rank : Axis;
        if (axis < 0 || axis >= rank)
            throw new KerasNetException($"Concatenate layer '{Name}': axis {Axis} is out of range for inputs of rank {rank} ({Shapes()}).");
        var output = new long?[rank];
        for (int d = 0; d < rank; d++)
        {
            if (d == axis)
            {
                output[d] = inputShapes.All(s => s[d] is not null) ? inputShapes.Sum(s => s[d]!.Value) : null;
                continue;
            }
            var known = inputShapes.Select(s => s[d]).OfType<long>().Distinct().ToList();
            if (known.Count > 1)
                throw new KerasNetException($"Concatenate layer '{Name}' requires inputs with matching shapes except for the concatenation axis {Axis}; received shapes {Shapes()} (axis {d} differs).");
            output[d] = known.Count == 1 ? known[0] : null;
        }
        return [new Shape(output)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks)
    {
        if (masks is null || masks.All(m => m is null)) return null;
        var full = inputs.Select((x, i) => masks[i] switch
        {
            null => ones(x.shape, dtype: ScalarType.Bool, device: x.device),
            var m when m.dim() < x.dim() => m.unsqueeze(-1).expand(x.shape),
            var m => m,
        }).ToList();
        return [cat(full, Axis).any(-1)];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        return c;
    }
}
