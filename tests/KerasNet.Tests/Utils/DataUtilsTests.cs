using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Utils;

public class DataUtilsTests
{
    private static long[] Longs(Tensor t) => t.to(ScalarType.Int64).flatten().data<long>().ToArray();

    [Test]
    public void PadSequencesFollowsKeras()
    {
        int[][] seqs = [[1, 2, 3], [4], [5, 6, 7, 8, 9]];
        // keras.utils.pad_sequences(seqs) → [[0 0 1 2 3] [0 0 0 0 4] [5 6 7 8 9]]
        var pre = SequenceUtils.PadSequences(seqs);
        Assert.That(pre.dtype, Is.EqualTo(ScalarType.Int32));
        Assert.That(pre.shape, Is.EqualTo(new long[] { 3, 5 }));
        Assert.That(Longs(pre), Is.EqualTo(new long[] { 0, 0, 1, 2, 3, 0, 0, 0, 0, 4, 5, 6, 7, 8, 9 }));
        // maxlen=3, padding="post", truncating="post", value=-1 → [[1 2 3] [4 -1 -1] [5 6 7]]
        Assert.That(Longs(SequenceUtils.PadSequences(seqs, maxlen: 3, padding: "post", truncating: "post", value: -1)),
            Is.EqualTo(new long[] { 1, 2, 3, 4, -1, -1, 5, 6, 7 }));
        // maxlen=2 truncating "pre" keeps the last values → [[2 3] [0 4] [8 9]]
        Assert.That(Longs(SequenceUtils.PadSequences(seqs, maxlen: 2)), Is.EqualTo(new long[] { 2, 3, 0, 4, 8, 9 }));
        Assert.Throws<KerasNetException>(() => SequenceUtils.PadSequences(seqs, padding: "middle"));
    }

    [Test]
    public void ToCategoricalAndNormalize()
    {
        var onehot = NumericalUtils.ToCategorical(tensor(new long[,] { { 0 }, { 2 }, { 1 } }));
        Assert.That(onehot.shape, Is.EqualTo(new long[] { 3, 3 }));
        Assert.That(Longs(onehot), Is.EqualTo(new long[] { 1, 0, 0, 0, 0, 1, 0, 1, 0 }));
        Assert.That(NumericalUtils.ToCategorical(tensor(new long[] { 1 }), numClasses: 4).shape, Is.EqualTo(new long[] { 1, 4 }));
        var ex = Assert.Throws<KerasNetException>(() => NumericalUtils.ToCategorical(tensor(new long[] { 5 }), numClasses: 3));
        Assert.That(ex!.Message, Does.Contain("[0, 3)"));
        // keras.utils.normalize([[3, 4], [0, 0]]) → [[0.6 0.8] [0 0]]; order 1 → [[3/7 4/7] [0 0]]
        var x = tensor(new float[,] { { 3, 4 }, { 0, 0 } });
        Assert.That(NumericalUtils.Normalize(x).data<float>().ToArray(), Is.EqualTo(new[] { 0.6f, 0.8f, 0, 0 }).Within(1e-6));
        Assert.That(NumericalUtils.Normalize(x, order: 1).data<float>().ToArray(), Is.EqualTo(new[] { 3 / 7f, 4 / 7f, 0, 0 }).Within(1e-6));
    }

    [Test]
    public void TimeseriesWindowsAndTargetsFollowKeras()
    {
        // Keras docs example: data = arange(100), targets = data shifted by 10, windows of 10 → first window 0..9, target 10.
        var data = arange(100);
        var targets = arange(10, 110);
        var ds = TimeseriesDatasetUtils.TimeseriesDatasetFromArray(data, targets, sequenceLength: 10, batchSize: 32);
        var batches = ds.ToList();
        Assert.That(batches, Has.Count.EqualTo(3), "91 windows in batches of 32");
        var (x, y) = batches[0];
        Assert.That(x.Tensor!.shape, Is.EqualTo(new long[] { 32, 10 }));
        Assert.That(Longs(x.Tensor[0]), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
        Assert.That(Longs(y.Tensor!)[..3], Is.EqualTo(new long[] { 10, 11, 12 }));
        Assert.That(batches[2][0].Tensor!.shape[0], Is.EqualTo(27));
        // sampling_rate=2, sequence_stride=3, start_index=5: window i = data[5 + 3i + 2j]
        var strided = TimeseriesDatasetUtils.TimeseriesDatasetFromArray(data, null, sequenceLength: 3, sequenceStride: 3, samplingRate: 2,
            batchSize: null, startIndex: 5, endIndex: 20).ToList();
        Assert.That(strided.Select(e => Longs(e.Tensor!)), Is.EqualTo(new[] { new long[] { 5, 7, 9 }, [8, 10, 12], [11, 13, 15], [14, 16, 18] }));
        var shuffled = TimeseriesDatasetUtils.TimeseriesDatasetFromArray(data, null, sequenceLength: 10, batchSize: null, shuffle: true, seed: 3)
            .Select(e => Longs(e.Tensor!)[0]).ToList();
        Assert.That(shuffled.Order(), Is.EqualTo(Enumerable.Range(0, 91).Select(i => (long)i)));
        Assert.That(shuffled, Is.Not.Ordered);
    }
}
