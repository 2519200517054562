using KerasNet.Data;

namespace KerasNet.Trainers;

/// <summary>
/// Feeds a <see cref="Dataset"/> of batches to a model. Without <c>steps</c>, an epoch is one pass; with it, an epoch
/// is that many batches and the pass carries on into the next epoch (Keras's <c>steps_per_epoch</c>), starting over
/// when a dataset of known length ends.
/// </summary>
internal sealed class DatasetAdapter : DataAdapter
{
    private readonly Dataset _dataset;
    private readonly int? _steps;
    private readonly Func<Element, Batch> _unpack;
    private readonly string _caller;
    private IEnumerator<Element>? _pass;
    private Batch? _peeked;
    private long _seenInPass;

    /// <param name="dataset">Batched elements: <c>x</c>, <c>(x, y)</c> or <c>(x, y, sampleWeight)</c>.</param>
    /// <param name="steps">Batches per epoch; null runs each epoch to the end of the data.</param>
    /// <param name="unpack">Turns an element into a batch (arranged by the model's inputs/outputs).</param>
    /// <param name="caller">The method and argument, for errors.</param>
    public DatasetAdapter(Dataset dataset, int? steps, Func<Element, Batch> unpack, string caller)
    {
        if (steps is < 1) throw new KerasNetException($"{caller}: the number of steps must be at least 1, got {steps}.");
        if (steps is null && dataset.Cardinality == Dataset.Infinite)
            throw new KerasNetException($"{caller}: the dataset is infinite (Repeat() without a count); pass the number of steps per epoch.");
        _dataset = dataset;
        _steps = steps;
        _unpack = unpack;
        _caller = caller;
    }

    /// <inheritdoc />
    public override int? Steps => _steps ?? (_dataset.Cardinality >= 0 ? (int)_dataset.Cardinality : null);

    /// <summary>True once a pass ended before <c>steps</c> batches on a dataset of unknown length.</summary>
    public bool RanOut { get; private set; }

    /// <inheritdoc />
    public override IEnumerable<Batch> Epoch()
    {
        if (_peeked is null && _steps is null) EndPass(); // without steps, every epoch is a fresh pass
        try
        {
            for (int step = 0; _steps is null || step < _steps; step++)
            {
                var batch = _peeked ?? Next();
                _peeked = null;
                if (batch is null)
                {
                    if (_steps is not null) RanOutAt(step);
                    yield break;
                }
                yield return batch;
                if (_steps is not null && _dataset.Cardinality >= 0 && _seenInPass >= _dataset.Cardinality) EndPass();
            }
        }
        finally
        {
            if (_steps is null) EndPass();
        }
    }

    /// <summary>
    /// Reads the first batch ahead (the model is built from it before training starts); the next epoch begins with it.
    /// Null when the dataset is empty. The adapter keeps ownership of the batch until it yields it.
    /// </summary>
    public Batch? Peek() => _peeked ??= Next();

    private Batch? Next()
    {
        _pass ??= _dataset.GetEnumerator();
        if (!_pass.MoveNext())
        {
            EndPass();
            return null;
        }
        _seenInPass++;
        return Unpack(_pass.Current);
    }

    private void RanOutAt(int step)
    {
        if (_dataset.Cardinality < 0) RanOut = true;
        Console.Error.WriteLine($"{_caller}: the input ran out of data after {step} of {_steps} steps in this epoch; " +
                                "make sure the dataset can produce steps × epochs batches (e.g. with Repeat()).");
    }

    private Batch Unpack(Element element)
    {
        Batch batch;
        try { batch = _unpack(element); }
        catch
        {
            element.Dispose();
            throw;
        }
        var used = batch.X.Concat(batch.Y).Append(batch.SampleWeight).OfType<TorchSharp.torch.Tensor>().ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var t in element.Tensors)
            if (!used.Contains(t)) t.Dispose();
        return batch;
    }

    private void EndPass()
    {
        _pass?.Dispose();
        _pass = null;
        _seenInPass = 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _peeked?.Dispose();
        _peeked = null;
        EndPass();
    }
}
