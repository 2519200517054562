using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace KerasNet.Data;

/// <summary>
/// <see cref="Dataset.Prefetch"/>: a background thread runs the upstream pipeline and keeps up to
/// <c>bufferSize</c> elements ready in a bounded queue while the consumer trains on the previous ones.
/// </summary>
/// <remarks>
/// Elements are made on the worker thread, outside the consumer's dispose scopes; the consumer owns them. When the
/// consumer stops early (break, an exception, a callback's StopTraining), the worker is cancelled, joined and the
/// queued elements are freed before the enumeration returns. An upstream error is rethrown to the consumer as it was.
/// </remarks>
internal sealed class PrefetchDataset(Dataset source, int bufferSize) : Dataset
{
    public override long Cardinality => source.Cardinality;

    protected override IEnumerable<Element> Iterate()
    {
        using var queue = new BlockingCollection<Element>(bufferSize);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                foreach (var element in Run(source))
                {
                    try { queue.Add(element, stop.Token); }
                    catch (OperationCanceledException)
                    {
                        element.Dispose();
                        return;
                    }
                }
            }
            catch (Exception e) { failure = e; }
            finally { queue.CompleteAdding(); }
        }) { IsBackground = true, Name = "KerasNet prefetch" };
        worker.Start();
        try
        {
            foreach (var element in queue.GetConsumingEnumerable()) yield return element;
            worker.Join();
            if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        }
        finally
        {
            stop.Cancel();
            worker.Join();
            while (queue.TryTake(out var left)) left.Dispose();
        }
    }
}
