namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.Cache"/>: the first complete pass is recorded (in memory, or in a file) and later passes
/// replay it without running the upstream pipeline. A pass stopped early records nothing.
/// </summary>
internal sealed class CacheDataset(Dataset source, string filename) : Dataset
{
    private List<Element>? _memory;

    public override long Cardinality => source.Cardinality;

    protected override IEnumerable<Element> Iterate() =>
        filename.Length == 0 ? MemoryPass() : File.Exists(filename) ? CacheFile.Read(filename) : FilePass();

    private IEnumerable<Element> MemoryPass()
    {
        if (_memory is { } cached)
        {
            foreach (var e in cached) yield return e.MapTensors(t => t.alias()).Detach();
            yield break;
        }
        var recording = new List<Element>();
        bool complete = false;
        try
        {
            foreach (var element in Run(source))
            {
                recording.Add(element.MapTensors(t => t.alias()).Detach());
                yield return element;
            }
            complete = true;
            _memory = recording;
        }
        finally
        {
            if (!complete) foreach (var e in recording) e.Dispose();
        }
    }

    private IEnumerable<Element> FilePass()
    {
        using var writer = new CacheFile.Writer(filename);
        foreach (var element in Run(source))
        {
            writer.Append(element);
            yield return element;
        }
        writer.Commit();
    }
}
