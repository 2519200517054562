namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.Map(Func{Element, Element}, int)"/>: applies a function to each element, in order. With
/// <c>numParallelCalls &gt; 1</c> it reads that many elements and maps them on thread-pool threads at once.
/// </summary>
internal sealed class MapDataset(Dataset source, Func<Element, Element> map, int numParallelCalls) : Dataset
{
    public override long Cardinality => source.Cardinality;

    protected override IEnumerable<Element> Iterate()
    {
        if (numParallelCalls <= 1)
        {
            long index = 0;
            foreach (var element in Run(source))
                yield return Apply(element, index++);
            yield break;
        }
        var chunk = new List<Element>(numParallelCalls);
        long start = 0;
        using var items = Run(source).GetEnumerator();
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < numParallelCalls && items.MoveNext()) chunk.Add(items.Current);
            if (chunk.Count == 0) yield break;
            var mapped = new Element?[chunk.Count];
            try
            {
                Parallel.For(0, chunk.Count, new ParallelOptions { MaxDegreeOfParallelism = numParallelCalls },
                    i => mapped[i] = Apply(chunk[i], start + i));
            }
            catch (AggregateException e)
            {
                foreach (var m in mapped) m?.Dispose();
                foreach (var c in chunk) c.Dispose();
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            start += chunk.Count;
            try
            {
                for (int i = 0; i < mapped.Length; i++)
                {
                    var next = mapped[i]!;
                    mapped[i] = null;
                    yield return next;
                }
            }
            finally
            {
                // Left when the consumer stops early: the rest of this chunk is ours to free.
                foreach (var m in mapped) m?.Dispose();
            }
        }
    }

    private Element Apply(Element element, long index)
    {
        Element result;
        try
        {
            result = Element.Scoped(() => map(element));
        }
        catch (Exception e)
        {
            var structure = element.Structure;
            element.Dispose();
            throw new KerasNetException($"Dataset.Map: the function failed on element {index} ({structure}): {e.Message}", e);
        }
        Element.DisposeConsumed(element, result);
        return result;
    }
}
