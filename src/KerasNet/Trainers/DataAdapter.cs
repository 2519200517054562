namespace KerasNet.Trainers;

/// <summary>
/// What <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> iterate (Keras's <c>DataAdapter</c>): the number of steps in
/// an epoch and the epoch's batches.
/// </summary>
/// <remarks>
/// <para>Conversion: batches may hold any dtype on any device; the model converts and moves each batch to the engine
/// (<c>Engine.Device</c>) just before its step, so only one batch at a time needs to be on the device.</para>
/// <para>Ownership: the consumer owns every batch it receives. A batch is either made on the consumer's thread while
/// the step's dispose scope is open (it belongs to that scope) or made elsewhere, e.g. on a prefetch thread, outside
/// any scope; either way the consumer disposes it (<see cref="Batch.Dispose"/>) when the step ends. An adapter never
/// touches a batch again after yielding it.</para>
/// </remarks>
public abstract class DataAdapter : IDisposable
{
    /// <summary>Batches per epoch, or null when only running out of data ends the epoch.</summary>
    public abstract int? Steps { get; }

    /// <summary>The batches of one epoch.</summary>
    public abstract IEnumerable<Batch> Epoch();

    /// <summary>Releases what the adapter holds across epochs (open iterators, worker threads).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; override in adapters that keep iterators or threads.</summary>
    protected virtual void Dispose(bool disposing) { }
}
