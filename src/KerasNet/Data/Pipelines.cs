namespace KerasNet.Data;

/// <summary>The passes of the simple transformations: each disposes what it consumes and does not pass on.</summary>
internal static class Pipelines
{
    public static IEnumerable<Element> Filter(IEnumerable<Element> source, Func<Element, bool> predicate)
    {
        foreach (var element in source)
        {
            bool keep;
            try
            {
                using var scope = TorchSharp.torch.NewDisposeScope();
                keep = predicate(element);
            }
            catch (Exception e)
            {
                element.Dispose();
                throw new KerasNetException($"Dataset.Filter: the predicate failed on {element.Structure}: {e.Message}", e);
            }
            if (keep) yield return element;
            else element.Dispose();
        }
    }

    public static IEnumerable<Element> Repeat(Func<IEnumerable<Element>> pass, long? count)
    {
        for (long k = 0; count is null || k < count; k++)
        {
            bool any = false;
            foreach (var element in pass())
            {
                any = true;
                yield return element;
            }
            if (!any) yield break; // repeating an empty dataset forever would never end
        }
    }

    public static IEnumerable<Element> Take(IEnumerable<Element> source, long count)
    {
        if (count == 0) yield break;
        long taken = 0;
        foreach (var element in source)
        {
            yield return element;
            if (++taken == count) yield break;
        }
    }

    public static IEnumerable<Element> Skip(IEnumerable<Element> source, long count)
    {
        long seen = 0;
        foreach (var element in source)
        {
            if (seen++ < count) element.Dispose();
            else yield return element;
        }
    }

    public static IEnumerable<Element> Zip(IReadOnlyList<IEnumerable<Element>> sources)
    {
        var items = sources.Select(s => s.GetEnumerator()).ToList();
        try
        {
            while (true)
            {
                var parts = new List<Element>(items.Count);
                foreach (var it in items)
                {
                    if (it.MoveNext())
                    {
                        parts.Add(it.Current);
                        continue;
                    }
                    foreach (var p in parts) p.Dispose();
                    yield break;
                }
                yield return Element.Tuple([.. parts]);
            }
        }
        finally
        {
            foreach (var it in items) it.Dispose();
        }
    }

    public static IEnumerable<Element> Concatenate(IEnumerable<Element> first, IEnumerable<Element> second)
    {
        string? signature = null;
        foreach (var element in first)
        {
            signature ??= element.Signature;
            yield return element;
        }
        foreach (var element in second)
        {
            if (signature is not null && element.Signature != signature)
            {
                var structure = element.Structure;
                element.Dispose();
                throw new KerasNetException($"Dataset.Concatenate: the second dataset's elements are {structure}, the first's have structure {signature}.");
            }
            yield return element;
        }
    }

    public static IEnumerable<Element> Unbatch(IEnumerable<Element> source)
    {
        foreach (var batch in source)
        {
            var tensors = batch.Tensors.ToList();
            if (tensors.Any(t => t.dim() == 0) || tensors.Any(t => t.shape[0] != tensors[0].shape[0]))
            {
                var structure = batch.Structure;
                batch.Dispose();
                throw new KerasNetException($"Dataset.Unbatch: every tensor of an element needs the same first dimension; got {structure}.");
            }
            long n = tensors[0].shape[0];
            var rows = new List<Element>();
            for (long i = 0; i < n; i++)
            {
                long row = i;
                rows.Add(Element.Scoped(() => batch.MapTensors(t => t.select(0, row))));
            }
            batch.Dispose();
            try
            {
                for (int i = 0; i < rows.Count; i++)
                {
                    var next = rows[i];
                    rows[i] = null!;
                    yield return next;
                }
            }
            finally
            {
                foreach (var r in rows) r?.Dispose();
            }
        }
    }
}
