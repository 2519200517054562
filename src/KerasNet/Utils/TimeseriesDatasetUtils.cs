using KerasNet.Data;
using static TorchSharp.torch;

namespace KerasNet.Utils;

/// <summary>Keras's <c>timeseries_dataset_from_array</c>.</summary>
public static class TimeseriesDatasetUtils
{
    /// <summary>
    /// Sliding windows over a series as a dataset of batches (Keras <c>timeseries_dataset_from_array</c>): window
    /// <c>i</c> holds <c>data[start + s_i + j·samplingRate]</c> for j &lt; <paramref name="sequenceLength"/>, with
    /// <c>s_i = i·sequenceStride</c>, and its target is <c>targets[start + s_i]</c>. Windows are gathered per batch.
    /// </summary>
    /// <param name="data">The series, time along the first axis.</param>
    /// <param name="targets">Targets by time step, or null for windows only.</param>
    /// <param name="sequenceLength">Steps per window.</param>
    /// <param name="sequenceStride">Steps between window starts.</param>
    /// <param name="samplingRate">Steps between the members of a window.</param>
    /// <param name="batchSize">Windows per batch; null yields single windows.</param>
    /// <param name="shuffle">Shuffle the windows once.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <param name="startIndex">First time step used (default 0).</param>
    /// <param name="endIndex">Time step after the last used (default the length).</param>
    public static Dataset TimeseriesDatasetFromArray(Tensor data, Tensor? targets, int sequenceLength, int sequenceStride = 1,
        int samplingRate = 1, int? batchSize = 128, bool shuffle = false, int? seed = null, long? startIndex = null, long? endIndex = null)
    {
        const string caller = "TimeseriesDatasetFromArray";
        if (sequenceLength < 1 || sequenceStride < 1 || samplingRate < 1)
            throw new KerasNetException($"{caller}: sequenceLength, sequenceStride and samplingRate must be at least 1, got {sequenceLength}, {sequenceStride}, {samplingRate}.");
        long n = data.shape[0];
        long start = startIndex ?? 0, end = endIndex ?? n;
        if (start < 0 || start >= n || end <= start || end > n)
            throw new KerasNetException($"{caller}: need 0 <= startIndex < endIndex <= {n}, got startIndex={start}, endIndex={end}.");
        long count = end - start - (long)(sequenceLength - 1) * samplingRate;
        if (targets is not null) count = Math.Min(count, targets.shape[0]);
        if (count <= 0)
            throw new KerasNetException($"{caller}: a window spans {(long)(sequenceLength - 1) * samplingRate + 1} steps but only {end - start} are available.");
        var starts = Enumerable.Range(0, (int)((count + sequenceStride - 1) / sequenceStride)).Select(i => (long)i * sequenceStride).ToArray();
        if (shuffle)
        {
            var random = seed is int s ? new Random(s) : new Random();
            random.Shuffle(starts);
        }
        var offsets = (arange(sequenceLength, dtype: ScalarType.Int64) * samplingRate).DetachFromDisposeScope();
        var windows = Dataset.FromTensorSlices(tensor(starts));
        if (batchSize is int b) windows = windows.Batch(b);
        return windows.Map(element =>
        {
            var first = element.Tensor!;
            var positions = (first.unsqueeze(-1) + offsets + start).flatten();
            var x = data.index_select(0, positions).reshape([.. first.shape, sequenceLength, .. data.shape.Skip(1)]);
            return targets is null ? (Element)x : (x, targets.index_select(0, (first + start).flatten()).reshape([.. first.shape, .. targets.shape.Skip(1)]));
        });
    }
}
