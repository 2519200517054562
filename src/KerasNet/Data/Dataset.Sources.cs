using static TorchSharp.torch;

namespace KerasNet.Data;

public abstract partial class Dataset
{
    /// <summary>
    /// Slices the first dimension of <paramref name="slices"/> into elements (tf.data <c>from_tensor_slices</c>):
    /// a tensor or .NET array, a tuple such as <c>(x, y)</c> (nesting allowed), or a dictionary by name.
    /// Elements are views of the data, not copies.
    /// </summary>
    public static Dataset FromTensorSlices(object slices) => new SliceDataset(Element.From(slices));

    /// <summary>Slices <c>(x, y)</c> pairs; the same as <c>FromTensorSlices((x, y))</c>.</summary>
    public static Dataset FromTensorSlices(object x, object y) => new SliceDataset(Element.Tuple(Element.From(x), Element.From(y)));

    /// <summary>Slices <c>(x, y, sampleWeight)</c> triples.</summary>
    public static Dataset FromTensorSlices(object x, object y, object sampleWeight) =>
        new SliceDataset(Element.Tuple(Element.From(x), Element.From(y), Element.From(sampleWeight)));

    /// <summary>
    /// A dataset whose every pass calls <paramref name="generator"/> (tf.data <c>from_generator</c>). Write the
    /// generator as an iterator: <c>IEnumerable&lt;Element&gt; Gen() { yield return (x, y); }</c>. The tensors it
    /// yields are handed over: the pipeline disposes them after use.
    /// </summary>
    public static Dataset FromGenerator(Func<IEnumerable<Element>> generator) => new GeneratorDataset(generator);

    /// <summary>
    /// Wraps a sequence of elements. The elements of a collection (an array, a list) stay the caller's: each pass
    /// hands out new handles to the same tensors. Elements made lazily (an iterator method) are handed over and
    /// disposed after use, like a generator's.
    /// </summary>
    public static Dataset FromEnumerable(IEnumerable<Element> elements) => elements switch
    {
        Dataset d => d,
        ICollection<Element> or IReadOnlyCollection<Element> => new GeneratorDataset(() => elements.Select(e => e.MapTensors(t => t.alias()))),
        _ => new GeneratorDataset(() => elements),
    };

    /// <summary>The integers <c>start, start+step, …</c> below <paramref name="stop"/> as int64 scalars (tf.data <c>range</c>).</summary>
    public static Dataset Range(long start, long stop, long step = 1)
    {
        if (step == 0) throw new KerasNetException("Dataset.Range: step must not be 0.");
        long count = Math.Max(0, (stop - start + step + (step > 0 ? -1 : 1)) / step);
        return new LazyDataset(count, () => Enumerable.Range(0, (int)count).Select(i => Element.Of(tensor(start + i * step)).Detach()));
    }

    /// <summary>The integers <c>0 … stop-1</c> (tf.data <c>range</c>).</summary>
    public static Dataset Range(long stop) => Range(0, stop);
}
