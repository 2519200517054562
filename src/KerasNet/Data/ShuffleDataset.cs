using static TorchSharp.torch;

namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.Shuffle"/>: tf.data's buffer shuffle. The buffer holds <c>bufferSize</c> elements; each step
/// yields a random one and refills its slot. Without a seed, each pass draws its seed from libtorch's generator,
/// so <c>RandomSeed.Set</c> makes runs repeatable.
/// </summary>
internal sealed class ShuffleDataset(Dataset source, int bufferSize, int? seed, bool reshuffleEachIteration) : Dataset
{
    private int _pass;
    private int? _fixedSeed;

    public override long Cardinality => source.Cardinality;

    protected override IEnumerable<Element> Iterate()
    {
        var random = new Random(NextSeed());
        var buffer = new List<Element>(Math.Min(bufferSize, 1 << 16));
        try
        {
            foreach (var element in Run(source))
            {
                if (buffer.Count < bufferSize)
                {
                    buffer.Add(element);
                    continue;
                }
                int pick = random.Next(buffer.Count);
                var chosen = buffer[pick];
                buffer[pick] = element;
                yield return chosen;
            }
            while (buffer.Count > 0)
            {
                int pick = random.Next(buffer.Count);
                var chosen = buffer[pick];
                buffer[pick] = buffer[^1];
                buffer.RemoveAt(buffer.Count - 1);
                yield return chosen;
            }
        }
        finally
        {
            foreach (var e in buffer) e.Dispose();
        }
    }

    private int NextSeed()
    {
        int pass = _pass++;
        if (!reshuffleEachIteration) return _fixedSeed ??= seed ?? DrawSeed();
        return seed is int s ? unchecked(s * 1_000_003 + pass) : DrawSeed();
    }

    private static int DrawSeed()
    {
        using var draw = randint(int.MaxValue, [1], dtype: ScalarType.Int64);
        return (int)draw.item<long>();
    }
}
