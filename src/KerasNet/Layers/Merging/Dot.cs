using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The per-sample dot product of two inputs along one axis of each (Keras <c>Dot</c>, Keras's <c>batch_dot</c>):
/// the output has the first input's remaining axes followed by the second's; a rank-1 result becomes
/// <c>(batch, 1)</c>. With <see cref="Normalize"/>, both inputs are L2-normalized along their axis first, giving
/// cosine similarities. Masks are dropped.
/// </summary>
public sealed class Dot : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="axes">One axis for both inputs, or one per input (non-batch; negative counts from the end).</param>
    /// <param name="normalize">Whether to L2-normalize along the axes before the product.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Unused (no weights), kept for Keras parity.</param>
    public Dot(IntTuple axes, bool normalize = false, string? name = null, bool trainable = true) : base(name, trainable)
    {
        if (axes.Count is not (1 or 2))
            throw new KerasNetException($"Dot layer '{Name}': axes must be one integer or two, got {axes}.");
        Axes = [.. axes];
        Normalize = normalize;
    }

    /// <summary>The axes as given (one for both inputs, or one per input).</summary>
    public IReadOnlyList<int> Axes { get; }

    /// <summary>Whether the inputs are L2-normalized along the axes first.</summary>
    public bool Normalize { get; }

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes) => ComputeOutputShape(inputShapes);

    private (int A, int B) ResolveAxes(int rankA, int rankB)
    {
        int a = Axes[0], b = Axes.Count == 2 ? Axes[1] : Axes[0];
        return (a < 0 ? a + rankA : a, b < 0 ? b + rankB : b);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count != 2)
            throw new KerasNetException($"Dot layer '{Name}' must be called on exactly 2 inputs, got {inputShapes.Count}: {string.Join(", ", inputShapes)}.");
        Shape x = inputShapes[0], y = inputShapes[1];
        if (x.Rank < 2 || y.Rank < 2)
            throw new KerasNetException($"Dot layer '{Name}' needs inputs of rank >= 2 (batch included); received shapes {x} and {y}.");
        if (x[0] is long bx && y[0] is long by && bx != by)
            throw new KerasNetException($"Dot layer '{Name}' cannot combine different batch sizes; received shapes {x} and {y}.");
        var (a, b) = ResolveAxes(x.Rank, y.Rank);
        if (a <= 0 || a >= x.Rank || b <= 0 || b >= y.Rank)
            throw new KerasNetException($"Dot layer '{Name}': axes ({string.Join(", ", Axes)}) must be non-batch axes of the input shapes {x} and {y}.");
        if (x[a] is long da && y[b] is long db && da != db)
            throw new KerasNetException($"Dot layer '{Name}': incompatible input shapes {x} and {y}: axis {a} of the first has size {da}, axis {b} of the second has size {db}.");
        var output = x.Where((_, i) => i != a).Concat(y.Where((_, i) => i != b && i != 0)).ToList();
        if (output.Count == 1) output.Add(1);
        return [new Shape(output)];
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 2) throw new KerasNetException($"Dot layer '{Name}' must be called on exactly 2 inputs, got {inputs.Count}.");
        using var scope = NewDisposeScope();
        var (x, y) = (inputs[0], inputs[1]);
        var (a, b) = ResolveAxes((int)x.dim(), (int)y.dim());
        if (Normalize)
        {
            x = L2Normalize(x, a);
            y = L2Normalize(y, b);
        }
        // (batch, x-rest…, k) @ (batch, k, y-rest…) as one batched matrix product.
        var xm = x.movedim([a], [-1]);
        var ym = y.movedim([b], [1]);
        long[] xRest = xm.shape[1..^1], yRest = ym.shape[2..];
        long k = xm.shape[^1], batch = xm.shape[0];
        var product = bmm(xm.reshape(batch, -1, k), ym.reshape(batch, k, -1));
        long[] outShape = [batch, .. xRest, .. yRest];
        if (outShape.Length == 1) outShape = [batch, 1];
        return [product.reshape(outShape).MoveToOuterDisposeScope()];
    }

    // Keras's ops.normalize with order 2: x·min(1/√Σx², 1/ε), ε = 1e-7.
    private static Tensor L2Normalize(Tensor x, int axis) =>
        x.mul(x.square().sum([axis], keepdim: true).rsqrt().clamp_max(1e7));

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) => null;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axes"] = Axes.Count == 1 ? Axes[0] : new JsonArray(Axes[0], Axes[1]);
        c["normalize"] = Normalize;
        return c;
    }
}
