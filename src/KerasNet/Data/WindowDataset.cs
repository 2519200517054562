namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.Window"/>: windows of <c>size</c> elements taken every <c>shift</c> elements, <c>stride</c>
/// apart, each stacked into one element.
/// </summary>
internal sealed class WindowDataset(Dataset source, int size, int shift, int stride, bool dropRemainder) : Dataset
{
    private readonly long _span = (long)(size - 1) * stride + 1;

    public override long Cardinality => Scale(source.Cardinality,
        n => dropRemainder ? n < _span ? 0 : (n - _span) / shift + 1 : (n + shift - 1) / shift);

    protected override IEnumerable<Element> Iterate()
    {
        // held[k] is element number first + k; windows start at multiples of shift.
        var held = new List<Element>();
        long first = 0, start = 0, seen = 0;
        try
        {
            foreach (var element in Run(source))
            {
                held.Add(element);
                seen++;
                while (start + _span <= seen)
                {
                    yield return Take(held, first, start, seen);
                    start += shift;
                    first = Drop(held, first, start);
                }
            }
            while (!dropRemainder && start < seen)
            {
                yield return Take(held, first, start, seen);
                start += shift;
                first = Drop(held, first, start);
            }
        }
        finally
        {
            foreach (var e in held) e.Dispose();
        }
    }

    private Element Take(List<Element> held, long first, long start, long seen)
    {
        var members = new List<Element>();
        for (long i = start; i < Math.Min(start + _span, seen); i += stride) members.Add(held[(int)(i - first)]);
        return Stacking.Stack(members, "Dataset.Window");
    }

    private static long Drop(List<Element> held, long first, long start)
    {
        int drop = (int)Math.Min(held.Count, start - first);
        foreach (var e in held.Take(drop)) e.Dispose();
        held.RemoveRange(0, drop);
        return first + drop;
    }
}
