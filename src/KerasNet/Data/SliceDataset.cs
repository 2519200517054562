namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.FromTensorSlices(object)"/>: element <c>i</c> is every tensor of the structure sliced at
/// row <c>i</c> (a view, no copy).
/// </summary>
internal sealed class SliceDataset : Dataset
{
    private readonly Element _structure;
    private readonly long _count;

    public SliceDataset(Element structure)
    {
        _structure = structure.Detach();
        var tensors = structure.Tensors.ToList();
        if (tensors.Any(t => t.dim() == 0))
            throw new KerasNetException($"FromTensorSlices: every component needs a first dimension to slice; got {structure.Structure}.");
        _count = tensors[0].shape[0];
        if (tensors.Any(t => t.shape[0] != _count))
            throw new KerasNetException($"FromTensorSlices: all components must have the same size in the first dimension; got {structure.Structure}.");
    }

    public override long Cardinality => _count;

    protected override IEnumerable<Element> Iterate()
    {
        for (long i = 0; i < _count; i++)
        {
            long row = i;
            yield return Element.Scoped(() => _structure.MapTensors(t => t.select(0, row)));
        }
    }
}
