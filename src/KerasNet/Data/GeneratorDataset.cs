namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.FromGenerator"/>: each pass calls the generator again. Its errors come out naming the
/// element at which it failed; a generator whose element structure changes is stopped with a clear error.
/// </summary>
internal sealed class GeneratorDataset(Func<IEnumerable<Element>> generator) : Dataset
{
    public override long Cardinality => Unknown;

    protected override IEnumerable<Element> Iterate()
    {
        IEnumerator<Element> items;
        try { items = generator().GetEnumerator(); }
        catch (Exception e) { throw Failed(0, e); }
        using (items)
        {
            string? signature = null;
            for (long index = 0; ; index++)
            {
                Element element;
                try
                {
                    if (!items.MoveNext()) yield break;
                    element = items.Current ?? throw new KerasNetException("it yielded null");
                }
                catch (Exception e) { throw Failed(index, e); }
                signature ??= element.Signature;
                if (element.Signature != signature)
                {
                    var structure = element.Structure;
                    element.Dispose();
                    throw new KerasNetException($"Dataset generator: element {index} has structure {structure}, but earlier elements had {signature}.");
                }
                yield return element.Detach();
            }
        }
    }

    private static KerasNetException Failed(long index, Exception e) =>
        new($"Dataset generator failed at element {index}: {e.Message}", e);
}
