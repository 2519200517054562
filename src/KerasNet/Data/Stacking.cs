using static TorchSharp.torch;

namespace KerasNet.Data;

/// <summary>Stacks elements of one structure into one batched element: one native stack per tensor position.</summary>
internal static class Stacking
{
    /// <summary>
    /// Stacks <paramref name="elements"/> along a new first axis. Shapes must match unless <paramref name="padding"/>
    /// is given, in which case each tensor is padded to the longest (or the requested) shape.
    /// </summary>
    public static Element Stack(IReadOnlyList<Element> elements, string caller, Padding? padding = null)
    {
        var first = elements[0];
        var columns = elements.Select(e => e.Tensors.ToList()).ToList();
        for (int k = 1; k < elements.Count; k++)
        {
            if (elements[k].Signature != first.Signature)
                throw Mismatch(caller, k, elements[k], first, "structure");
            if (padding is null && !columns[k].Zip(columns[0]).All(p => p.First.shape.SequenceEqual(p.Second.shape) && p.First.dtype == p.Second.dtype))
                throw Mismatch(caller, k, elements[k], first, "shapes");
        }
        return Element.Scoped(() =>
        {
            var stacked = Enumerable.Range(0, columns[0].Count).Select(i =>
            {
                var items = columns.Select(c => c[i]).ToList();
                return padding is null ? stack(items) : padding.Stack(items, i, caller);
            });
            return first.WithTensors(stacked.GetEnumerator());
        });
    }

    private static KerasNetException Mismatch(string caller, int index, Element element, Element first, string what) =>
        new($"{caller}: element {index} of the batch has {element.Structure} but the first has {first.Structure}; " +
            $"elements of a batch must have the same {what}{(what == "shapes" ? " (use PaddedBatch for sequences of different lengths)" : "")}.");
}

/// <summary>How <see cref="Dataset.PaddedBatch"/> pads: target shapes per tensor (-1: the longest in the batch) and the fill value.</summary>
internal sealed record Padding(IReadOnlyList<long[]>? Shapes, double Value)
{
    public Tensor Stack(IReadOnlyList<Tensor> items, int position, string caller)
    {
        int rank = (int)items[0].dim();
        if (items.Any(t => t.dim() != rank || t.dtype != items[0].dtype))
            throw new KerasNetException($"{caller}: tensor {position} of the elements changes rank or dtype within a batch " +
                                        $"({string.Join(", ", items.Select(t => $"{t.dtype}[{string.Join(", ", t.shape)}]").Distinct())}).");
        if (Shapes is { } shapes && position < shapes.Count && shapes[position].Length != rank)
            throw new KerasNetException($"{caller}: padded shape [{string.Join(", ", shapes[position])}] for tensor {position} has rank {shapes[position].Length}, the tensor has rank {rank}.");
        var target = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            long longest = items.Max(t => t.shape[d]);
            long wanted = Shapes is { } s && position < s.Count ? s[position][d] : -1;
            if (wanted >= 0 && wanted < longest)
                throw new KerasNetException($"{caller}: tensor {position} has size {longest} in dimension {d}, larger than its padded shape [{string.Join(", ", Shapes![position])}].");
            target[d] = wanted >= 0 ? wanted : longest;
        }
        var result = full([items.Count, .. target], Value, dtype: items[0].dtype, device: items[0].device);
        for (int i = 0; i < items.Count; i++)
        {
            var slot = result[i];
            for (int d = 0; d < rank; d++) slot = slot.narrow(d, 0, items[i].shape[d]);
            slot.copy_(items[i]);
        }
        return result;
    }
}
