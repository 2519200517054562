namespace KerasNet.Data;

public abstract partial class Dataset
{
    /// <summary>Lets the runtime choose a parallelism or buffer size (tf.data <c>AUTOTUNE</c>).</summary>
    public const int Autotune = -1;

    /// <summary>
    /// Randomly shuffles elements with a buffer of <paramref name="bufferSize"/> (tf.data <c>shuffle</c>); a buffer
    /// at least the dataset's size gives a uniform permutation.
    /// </summary>
    /// <param name="bufferSize">Elements held and drawn from at random.</param>
    /// <param name="seed">Seed of the order; null draws it from libtorch's generator (see <c>RandomSeed.Set</c>).</param>
    /// <param name="reshuffleEachIteration">A new order every pass (every epoch) when true.</param>
    public Dataset Shuffle(int bufferSize, int? seed = null, bool reshuffleEachIteration = true)
    {
        if (bufferSize < 1) throw new KerasNetException($"Dataset.Shuffle: bufferSize must be at least 1, got {bufferSize}.");
        return new ShuffleDataset(this, bufferSize, seed, reshuffleEachIteration);
    }

    /// <summary>Stacks <paramref name="batchSize"/> consecutive elements into one (tf.data <c>batch</c>).</summary>
    /// <param name="batchSize">Elements per batch.</param>
    /// <param name="dropRemainder">Drop the last, smaller batch.</param>
    public Dataset Batch(int batchSize, bool dropRemainder = false) =>
        new BatchDataset(this, Positive(batchSize, "Batch", "batchSize"), dropRemainder, null);

    /// <summary>
    /// Batches elements whose tensors differ in shape, padding each to the longest in the batch (tf.data
    /// <c>padded_batch</c>).
    /// </summary>
    /// <param name="batchSize">Elements per batch.</param>
    /// <param name="paddedShapes">Per tensor of the element (depth first), the padded shape; -1 in a dimension pads to the longest.</param>
    /// <param name="paddingValue">The fill value.</param>
    /// <param name="dropRemainder">Drop the last, smaller batch.</param>
    public Dataset PaddedBatch(int batchSize, IReadOnlyList<long[]>? paddedShapes = null, double paddingValue = 0, bool dropRemainder = false) =>
        new BatchDataset(this, Positive(batchSize, "PaddedBatch", "batchSize"), dropRemainder, new Padding(paddedShapes, paddingValue));

    /// <summary>
    /// Applies <paramref name="map"/> to every element (tf.data <c>map</c>), in order. Tensors the function makes and
    /// does not return are freed.
    /// </summary>
    /// <param name="map">The function.</param>
    /// <param name="numParallelCalls">Elements mapped at once on thread-pool threads (<see cref="Autotune"/>: one per core).</param>
    public Dataset Map(Func<Element, Element> map, int numParallelCalls = 1) =>
        new MapDataset(this, map, numParallelCalls == Autotune ? Environment.ProcessorCount : Positive(numParallelCalls, "Map", "numParallelCalls"));

    /// <summary>Applies <paramref name="map"/> to single-tensor elements.</summary>
    public Dataset Map(Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> map, int numParallelCalls = 1) =>
        Map(e => map(e.Tensor ?? throw new KerasNetException($"Dataset.Map: this function takes one tensor, but the elements are {e.Structure}.")), numParallelCalls);

    /// <summary>Applies <paramref name="map"/> to <c>(x, y)</c> elements: <c>ds.Map((x, y) => (x / 255, y))</c>.</summary>
    public Dataset Map(Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, (TorchSharp.torch.Tensor, TorchSharp.torch.Tensor)> map, int numParallelCalls = 1) =>
        Map(e => (Element)map(PairPart(e, 0), PairPart(e, 1)), numParallelCalls);

    /// <summary>Keeps the elements for which <paramref name="predicate"/> is true (tf.data <c>filter</c>).</summary>
    public Dataset Filter(Func<Element, bool> predicate) =>
        new LazyDataset(Cardinality == Infinite ? Infinite : Unknown, () => Pipelines.Filter(Run(this), predicate));

    /// <summary>
    /// Records the first complete pass and replays it afterwards (tf.data <c>cache</c>): in memory when
    /// <paramref name="filename"/> is empty, else in that file, which later runs reuse.
    /// </summary>
    public Dataset Cache(string filename = "") => new CacheDataset(this, filename);

    /// <summary>Repeats the dataset <paramref name="count"/> times, or forever when null (tf.data <c>repeat</c>).</summary>
    public Dataset Repeat(long? count = null)
    {
        if (count < 0) throw new KerasNetException($"Dataset.Repeat: count must be at least 0 (or null for forever), got {count}.");
        long card = count is null ? Cardinality == 0 ? 0 : Infinite : Scale(Cardinality, n => n * count.Value);
        return new LazyDataset(card, () => Pipelines.Repeat(() => Run(this), count));
    }

    /// <summary>The first <paramref name="count"/> elements (tf.data <c>take</c>; -1 takes all).</summary>
    public Dataset Take(long count)
    {
        if (count < -1) throw new KerasNetException($"Dataset.Take: count must be -1 (all) or at least 0, got {count}.");
        if (count == -1) return this;
        long card = Cardinality == Infinite ? count : Cardinality == Unknown ? Unknown : Math.Min(count, Cardinality);
        return new LazyDataset(card, () => Pipelines.Take(Run(this), count));
    }

    /// <summary>All but the first <paramref name="count"/> elements (tf.data <c>skip</c>).</summary>
    public Dataset Skip(long count)
    {
        if (count < 0) throw new KerasNetException($"Dataset.Skip: count must be at least 0, got {count}.");
        return new LazyDataset(Scale(Cardinality, n => Math.Max(0, n - count)), () => Pipelines.Skip(Run(this), count));
    }

    /// <summary>Pairs elements with <paramref name="other"/>'s into <c>(a, b)</c> tuples, as long as both last.</summary>
    public Dataset Zip(Dataset other) => ZipAll(this, other);

    /// <summary>Tuples of the datasets' elements, as long as all last (tf.data <c>Dataset.zip</c>).</summary>
    public static Dataset ZipAll(params Dataset[] datasets)
    {
        if (datasets.Length == 0) throw new KerasNetException("Dataset.Zip needs at least one dataset.");
        var finite = datasets.Select(d => d.Cardinality).Where(c => c >= 0).ToList();
        long card = finite.Count > 0 ? finite.Min() : datasets.Any(d => d.Cardinality == Unknown) ? Unknown : Infinite;
        if (finite.Count > 0 && datasets.Any(d => d.Cardinality == Unknown)) card = Unknown;
        return new LazyDataset(card, () => Pipelines.Zip(datasets.Select(Run).ToList()));
    }

    /// <summary>This dataset's elements followed by <paramref name="other"/>'s, which must have the same structure.</summary>
    public Dataset Concatenate(Dataset other)
    {
        long a = Cardinality, b = other.Cardinality;
        long card = a == Infinite || b == Infinite ? Infinite : a == Unknown || b == Unknown ? Unknown : a + b;
        return new LazyDataset(card, () => Pipelines.Concatenate(Run(this), Run(other)));
    }

    /// <summary>
    /// Prepares up to <paramref name="bufferSize"/> elements ahead on a background thread while the consumer works
    /// (tf.data <c>prefetch</c>; <see cref="Autotune"/> keeps 2).
    /// </summary>
    public Dataset Prefetch(int bufferSize = Autotune) =>
        new PrefetchDataset(this, bufferSize == Autotune ? 2 : Positive(bufferSize, "Prefetch", "bufferSize"));

    /// <summary>Splits each element along its first dimension into separate elements (tf.data <c>unbatch</c>).</summary>
    public Dataset Unbatch() => new LazyDataset(Cardinality == Infinite ? Infinite : Unknown, () => Pipelines.Unbatch(Run(this)));

    /// <summary>
    /// Sliding windows (tf.data <c>window</c>): every <paramref name="shift"/> elements, a window of
    /// <paramref name="size"/> elements <paramref name="stride"/> apart, stacked into one element (tf.data's
    /// <c>window(...).flat_map(lambda w: w.batch(size))</c>).
    /// </summary>
    /// <param name="size">Elements per window.</param>
    /// <param name="shift">Elements between window starts (default <paramref name="size"/>).</param>
    /// <param name="stride">Elements between the members of a window.</param>
    /// <param name="dropRemainder">Drop the shorter windows at the end.</param>
    public Dataset Window(int size, int? shift = null, int stride = 1, bool dropRemainder = false) =>
        new WindowDataset(this, Positive(size, "Window", "size"), Positive(shift ?? size, "Window", "shift"),
            Positive(stride, "Window", "stride"), dropRemainder);

    private static int Positive(int value, string op, string name) =>
        value >= 1 ? value : throw new KerasNetException($"Dataset.{op}: {name} must be at least 1, got {value}.");

    private static TorchSharp.torch.Tensor PairPart(Element e, int i) =>
        e.IsTuple && e.Components!.Count == 2 && e.Components[i].Tensor is { } t ? t
            : throw new KerasNetException($"Dataset.Map: this function takes (x, y) tensors, but the elements are {e.Structure}.");
}
