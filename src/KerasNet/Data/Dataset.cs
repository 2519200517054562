using System.Collections;

namespace KerasNet.Data;

/// <summary>
/// An input pipeline (tf.data's <c>tf.data.Dataset</c>): a source such as <see cref="FromTensorSlices(object)"/>
/// followed by lazy transformations (<see cref="Shuffle"/>, <see cref="Batch"/>, <see cref="Map(Func{Element, Element}, int)"/>,
/// <see cref="Prefetch"/>…). Enumerating it runs one pass; <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> take it directly.
/// </summary>
/// <remarks>
/// Ownership: the consumer of an enumeration owns every element it receives and disposes it (or its tensors) when
/// done; elements are made outside any dispose scope (on worker threads, or detached), so they survive until then.
/// Transformations dispose what they consume and do not pass on.
/// </remarks>
public abstract partial class Dataset : IEnumerable<Element>
{
    /// <summary>Cardinality of a dataset that never ends (tf.data <c>INFINITE_CARDINALITY</c>).</summary>
    public const long Infinite = -1;

    /// <summary>Cardinality of a dataset whose length is known only by running it (tf.data <c>UNKNOWN_CARDINALITY</c>).</summary>
    public const long Unknown = -2;

    /// <summary>Number of elements, or <see cref="Infinite"/> or <see cref="Unknown"/> (tf.data <c>cardinality()</c>).</summary>
    public abstract long Cardinality { get; }

    /// <summary>One pass over the elements.</summary>
    protected abstract IEnumerable<Element> Iterate();

    /// <inheritdoc />
    public IEnumerator<Element> GetEnumerator() => Iterate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Runs a pass of <paramref name="dataset"/> (for transformations of other datasets).</summary>
    private protected static IEnumerable<Element> Run(Dataset dataset) => dataset.Iterate();

    /// <summary>The cardinality after a transformation: <paramref name="finite"/> of a finite <paramref name="source"/>, else unchanged.</summary>
    private protected static long Scale(long source, Func<long, long> finite) => source < 0 ? source : finite(source);
}
