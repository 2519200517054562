using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Base of the element-wise merge layers (<see cref="Add"/>, <see cref="Subtract"/>, <see cref="Multiply"/>,
/// <see cref="Average"/>, <see cref="Maximum"/>, <see cref="Minimum"/>), as Keras's <c>Merge</c>: the per-sample shapes
/// must broadcast (checked when the layer is built); inputs of lower rank get size-1 axes after the batch axis; the
/// output mask is the OR of the input masks when every input has one.
/// </summary>
public abstract class Merge : Layer
{
    private protected Merge(string? name, bool trainable) : base(name, trainable) { }

    /// <summary>The fewest inputs the layer accepts.</summary>
    private protected virtual int MinInputs => 1;

    /// <summary>The most inputs the layer accepts.</summary>
    private protected virtual int MaxInputs => int.MaxValue;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <summary>Combines inputs of equal rank (broadcasting).</summary>
    private protected abstract Tensor MergeFunction(IReadOnlyList<Tensor> inputs);

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        CheckCount(inputShapes);
        CheckBatchSizes(inputShapes);
        OutputShape(inputShapes);
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        CheckCount(inputs.Select(t => Shape.Of(t.shape)).ToList());
        long maxRank = inputs.Max(t => t.dim());
        if (inputs.All(t => t.dim() == maxRank)) return [MergeFunction(inputs)];
        var reshaped = inputs.Select(t =>
        {
            var shape = t.shape.ToList();
            while (shape.Count < maxRank) shape.Insert(1, 1);
            return t.reshape([.. shape]);
        }).ToList();
        return [MergeFunction(reshaped)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => [OutputShape(inputShapes)];

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks)
    {
        if (masks is null || masks.Any(m => m is null)) return null;
        var mask = masks[0]!;
        for (int i = 1; i < masks.Count; i++) mask = mask.logical_or(masks[i]!);
        return [mask];
    }

    private void CheckCount(IReadOnlyList<Shape> shapes)
    {
        if (shapes.Count < MinInputs || shapes.Count > MaxInputs)
        {
            string expected = MinInputs == MaxInputs ? $"exactly {MinInputs}" : $"at least {MinInputs}";
            throw new KerasNetException($"{ClassName} layer '{Name}' must be called on {expected} input(s), got {shapes.Count}: {string.Join(", ", shapes)}.");
        }
    }

    /// <summary>Throws when known batch sizes differ.</summary>
    private protected void CheckBatchSizes(IReadOnlyList<Shape> shapes)
    {
        var batches = shapes.Where(s => s.Rank > 0).Select(s => s[0]).OfType<long>().Distinct().ToList();
        if (batches.Count > 1)
            throw new KerasNetException($"{ClassName} layer '{Name}' cannot merge tensors with different batch sizes; received shapes {string.Join(", ", shapes)}.");
    }

    private Shape OutputShape(IReadOnlyList<Shape> shapes)
    {
        var output = shapes[0].WithoutBatch().ToList();
        for (int i = 1; i < shapes.Count; i++)
        {
            var other = shapes[i].WithoutBatch().ToList();
            var (longer, shorter) = output.Count >= other.Count ? (output, other) : (other, output);
            int offset = longer.Count - shorter.Count;
            var merged = longer.Take(offset).ToList();
            for (int j = 0; j < shorter.Count; j++)
            {
                long? a = longer[offset + j], b = shorter[j];
                if (a is null || b is null) merged.Add(a == 1 ? b : b == 1 ? a : null);
                else if (a == 1) merged.Add(b);
                else if (b == 1 || a == b) merged.Add(a);
                else throw new KerasNetException(
                    $"{ClassName} layer '{Name}': inputs have incompatible shapes {string.Join(", ", shapes)}; per-sample shapes must be equal or broadcastable (axis {j} of the trailing dimensions: {a} vs {b}).");
            }
            output = merged;
        }
        var batch = shapes.Where(s => s.Rank > 0).Select(s => s[0]).OfType<long>().Distinct().ToList();
        return new Shape([batch.Count == 1 ? batch[0] : null, .. output]);
    }
}
