namespace KerasNet.Data;

/// <summary>A dataset defined by a pass function and a cardinality (the simple transformations and sources).</summary>
internal sealed class LazyDataset(long cardinality, Func<IEnumerable<Element>> iterate) : Dataset
{
    public override long Cardinality => cardinality;

    protected override IEnumerable<Element> Iterate() => iterate();
}
