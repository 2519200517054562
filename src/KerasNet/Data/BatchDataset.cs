namespace KerasNet.Data;

/// <summary><see cref="Dataset.Batch"/> and <see cref="Dataset.PaddedBatch"/>: consecutive elements stacked into one.</summary>
internal sealed class BatchDataset(Dataset source, int batchSize, bool dropRemainder, Padding? padding) : Dataset
{
    private readonly string _caller = padding is null ? "Dataset.Batch" : "Dataset.PaddedBatch";

    public override long Cardinality => Scale(source.Cardinality, n => dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize);

    protected override IEnumerable<Element> Iterate()
    {
        var pending = new List<Element>(batchSize);
        try
        {
            foreach (var element in Run(source))
            {
                pending.Add(element);
                if (pending.Count < batchSize) continue;
                yield return Flush(pending);
            }
            if (pending.Count > 0 && !dropRemainder) yield return Flush(pending);
        }
        finally
        {
            foreach (var e in pending) e.Dispose();
        }
    }

    private Element Flush(List<Element> pending)
    {
        try
        {
            return Stacking.Stack(pending, _caller, padding);
        }
        finally
        {
            foreach (var e in pending) e.Dispose();
            pending.Clear();
        }
    }
}
