using KerasNet.Data;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Data;

public class DatasetTests
{
    private static List<long[]> Values(Dataset ds) => ds.Select(e =>
    {
        using (e) return e.Tensors.SelectMany(t => t.flatten().to(ScalarType.Int64).data<long>().ToArray()).ToArray();
    }).ToList();

    private static long[] Flat(Dataset ds) => Values(ds).SelectMany(v => v).ToArray();

    [Test]
    public void FromTensorSlicesTupleAndPairFormsAgree()
    {
        var x = new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var y = new long[] { 7, 8, 9 };
        var pair = Dataset.FromTensorSlices(x, y);
        var tuple = Dataset.FromTensorSlices((x, y));
        Assert.That(pair.Cardinality, Is.EqualTo(3));
        Assert.That(Values(pair), Is.EqualTo(Values(tuple)));
        Assert.That(Values(pair)[1], Is.EqualTo(new long[] { 3, 4, 8 }));
        using var first = pair.First();
        Assert.That(first.Structure, Is.EqualTo("(float32[2], int64[])"));
    }

    [Test]
    public void FromTensorSlicesDictionaryKeepsNames()
    {
        var ds = Dataset.FromTensorSlices(new Dictionary<string, Tensor> { ["a"] = arange(4), ["b"] = arange(4) * 10 });
        using var e = ds.Skip(2).First();
        Assert.That(e.Names, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(e["b"].Tensor!.item<long>(), Is.EqualTo(20));
    }

    [Test]
    public void FromTensorSlicesRejectsDifferentLengths()
    {
        var ex = Assert.Throws<KerasNetException>(() => Dataset.FromTensorSlices(new float[4, 2], new long[3]));
        Assert.That(ex!.Message, Does.Contain("same size in the first dimension").And.Contain("int64[3]"));
    }

    [Test]
    public void BatchStacksAndDropsRemainder()
    {
        Assert.That(Dataset.Range(10).Batch(4).Cardinality, Is.EqualTo(3));
        Assert.That(Dataset.Range(10).Batch(4, dropRemainder: true).Cardinality, Is.EqualTo(2));
        var batches = Values(Dataset.Range(10).Batch(4));
        Assert.That(batches, Is.EqualTo(new[] { new long[] { 0, 1, 2, 3 }, [4, 5, 6, 7], [8, 9] }));
        Assert.That(Values(Dataset.Range(10).Batch(4, dropRemainder: true)), Has.Count.EqualTo(2));
    }

    [Test]
    public void BatchNamesTheElementWhoseShapeChanged()
    {
        var ds = Dataset.FromGenerator(Gen).Batch(4);
        var ex = Assert.Throws<KerasNetException>(() => Values(ds));
        Assert.That(ex!.Message, Does.Contain("element 2 of the batch").And.Contain("float32[3]").And.Contain("float32[2]").And.Contain("PaddedBatch"));

        static IEnumerable<Element> Gen()
        {
            yield return zeros(2);
            yield return zeros(2);
            yield return zeros(3);
        }
    }

    [Test]
    public void PaddedBatchPadsToLongestOrGivenShape()
    {
        var ds = Dataset.FromGenerator(() => Enumerable.Range(1, 3).Select(n => (Element)(arange(n) + 1)));
        Assert.That(Values(ds.PaddedBatch(3)), Is.EqualTo(new[] { new long[] { 1, 0, 0, 1, 2, 0, 1, 2, 3 } }));
        Assert.That(Values(ds.PaddedBatch(2, paddedShapes: [[4]], paddingValue: -1)),
            Is.EqualTo(new[] { new long[] { 1, -1, -1, -1, 1, 2, -1, -1 }, [1, 2, 3, -1] }));
        var ex = Assert.Throws<KerasNetException>(() => Values(ds.PaddedBatch(3, paddedShapes: [[2]])));
        Assert.That(ex!.Message, Does.Contain("larger than its padded shape"));
    }

    [Test]
    public void ShuffleWithSeedIsARepeatablePermutation()
    {
        var ds = Dataset.Range(50).Shuffle(50, seed: 7);
        var first = Flat(ds);
        var second = Flat(ds);
        Assert.That(first.Order(), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (long)i)));
        Assert.That(first, Is.Not.EqualTo(Enumerable.Range(0, 50).Select(i => (long)i)));
        Assert.That(second, Is.Not.EqualTo(first), "reshuffled each iteration");
        Assert.That(Flat(Dataset.Range(50).Shuffle(50, seed: 7)), Is.EqualTo(first), "same seed, same first order");
        var fixedOrder = Dataset.Range(50).Shuffle(50, seed: 7, reshuffleEachIteration: false);
        Assert.That(Flat(fixedOrder), Is.EqualTo(Flat(fixedOrder)));
        Assert.That(Flat(Dataset.Range(20).Shuffle(1, seed: 3)), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)), "a buffer of one keeps the order");
    }

    [Test]
    public void ShuffleBufferOnlyMovesElementsWithinReach()
    {
        // With a buffer of 4, the element yielded at position i was read at most at position i + 3.
        var order = Flat(Dataset.Range(100).Shuffle(4, seed: 1));
        Assert.That(order.Select((v, i) => v <= i + 3).All(b => b), Is.True);
    }

    [Test]
    public void MapSequentialAndParallelAgree()
    {
        var ds = Dataset.FromTensorSlices(arange(40).reshape(20, 2), arange(20));
        var sequential = Values(ds.Map((x, y) => (x * 2, y + 1)));
        var parallel = Values(ds.Map((x, y) => (x * 2, y + 1), numParallelCalls: 4));
        Assert.That(parallel, Is.EqualTo(sequential));
        Assert.That(sequential[3], Is.EqualTo(new long[] { 12, 14, 4 }));
        Assert.That(Flat(Dataset.Range(5).Map(t => t * t, numParallelCalls: Dataset.Autotune)), Is.EqualTo(new long[] { 0, 1, 4, 9, 16 }));
    }

    [Test]
    public void MapErrorNamesTheElement()
    {
        var ds = Dataset.Range(5).Map(t => t.item<long>() == 3 ? throw new InvalidOperationException("boom") : t, numParallelCalls: 2);
        var ex = Assert.Throws<KerasNetException>(() => Values(ds));
        Assert.That(ex!.Message, Does.Contain("element 3").And.Contain("boom"));
    }

    [Test]
    public void FilterTakeSkipRepeatConcatenateZip()
    {
        var range = Dataset.Range(10);
        Assert.That(Flat(range.Filter(e => e.Tensor!.item<long>() % 3 == 0)), Is.EqualTo(new long[] { 0, 3, 6, 9 }));
        Assert.That(Flat(range.Skip(2).Take(3)), Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(range.Skip(2).Take(3).Cardinality, Is.EqualTo(3));
        Assert.That(Flat(range.Take(3).Repeat(2)), Is.EqualTo(new long[] { 0, 1, 2, 0, 1, 2 }));
        Assert.That(range.Repeat().Cardinality, Is.EqualTo(Dataset.Infinite));
        Assert.That(Flat(range.Repeat().Take(12)).Length, Is.EqualTo(12));
        Assert.That(Flat(range.Take(2).Concatenate(Dataset.Range(7, 9))), Is.EqualTo(new long[] { 0, 1, 7, 8 }));
        Assert.That(Values(range.Zip(Dataset.Range(100, 103))), Is.EqualTo(new[] { new long[] { 0, 100 }, [1, 101], [2, 102] }));
        Assert.That(range.Zip(Dataset.Range(100, 103)).Cardinality, Is.EqualTo(3));
        Assert.That(range.Filter(_ => true).Cardinality, Is.EqualTo(Dataset.Unknown));
        var ex = Assert.Throws<KerasNetException>(() => Values(range.Concatenate(range.Zip(range))));
        Assert.That(ex!.Message, Does.Contain("Concatenate"));
    }

    [Test]
    public void UnbatchUndoesBatch()
    {
        var ds = Dataset.FromTensorSlices(arange(14).reshape(7, 2), arange(7));
        Assert.That(Values(ds.Batch(3).Unbatch()), Is.EqualTo(Values(ds)));
    }

    [Test]
    public void WindowFollowsTfData()
    {
        // tf.data.Dataset.range(7).window(3, shift=2, stride=1): [0 1 2] [2 3 4] [4 5 6] [6]
        Assert.That(Values(Dataset.Range(7).Window(3, shift: 2)), Is.EqualTo(new[] { new long[] { 0, 1, 2 }, [2, 3, 4], [4, 5, 6], [6] }));
        Assert.That(Values(Dataset.Range(7).Window(3, shift: 2, dropRemainder: true)), Has.Count.EqualTo(3));
        Assert.That(Dataset.Range(7).Window(3, shift: 2, dropRemainder: true).Cardinality, Is.EqualTo(3));
        Assert.That(Dataset.Range(7).Window(3, shift: 2).Cardinality, Is.EqualTo(4));
        // range(10).window(3, shift=1, stride=3, drop_remainder=True): [0 3 6] [1 4 7] [2 5 8] [3 6 9]
        Assert.That(Values(Dataset.Range(10).Window(3, shift: 1, stride: 3, dropRemainder: true)),
            Is.EqualTo(new[] { new long[] { 0, 3, 6 }, [1, 4, 7], [2, 5, 8], [3, 6, 9] }));
    }

    [Test]
    public void CacheRunsTheSourceOnce()
    {
        int calls = 0;
        var ds = Dataset.FromGenerator(() => { calls++; return Enumerable.Range(0, 4).Select(i => (Element)tensor((long)i)); }).Cache();
        Assert.That(Flat(ds), Is.EqualTo(Flat(ds)));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(Flat(ds.Take(2)), Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public void FileCacheIsWrittenAtomicallyAndReused()
    {
        var dir = Directory.CreateTempSubdirectory("kn-cache");
        var path = Path.Combine(dir.FullName, "sub", "ds.cache");
        try
        {
            var source = Dataset.FromTensorSlices((arange(6).reshape(3, 2).to(ScalarType.Float32), new Dictionary<string, Tensor> { ["id"] = arange(3) }));
            var expected = Values(source);
            Assert.That(Values(source.Cache(path).Take(2)), Has.Count.EqualTo(2));
            Assert.That(File.Exists(path), Is.False, "an interrupted pass leaves no cache file");
            Assert.That(Values(source.Cache(path)), Is.EqualTo(expected));
            Assert.That(File.Exists(path), Is.True);
            Assert.That(dir.GetFiles("*", SearchOption.AllDirectories).Select(f => f.Name), Is.EqualTo(new[] { "ds.cache" }));
            var reused = Dataset.FromGenerator(() => throw new InvalidOperationException("not read")).Cache(path);
            Assert.That(Values(reused), Is.EqualTo(expected));
            using var e = reused.First();
            Assert.That(e.Structure, Is.EqualTo("(float32[2], {id: int64[]})"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void PrefetchYieldsTheSameElementsFromAnotherThread()
    {
        int producer = -1;
        var ds = Dataset.FromGenerator(() => Gen()).Prefetch(2);
        Assert.That(Flat(ds), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
        Assert.That(producer, Is.Not.EqualTo(Environment.CurrentManagedThreadId));

        IEnumerable<Element> Gen()
        {
            producer = Environment.CurrentManagedThreadId;
            for (long i = 0; i < 20; i++) yield return tensor(i);
        }
    }

    [Test]
    public void PrefetchStopsItsWorkerWhenTheConsumerStops()
    {
        bool finished = false;
        var ds = Dataset.FromGenerator(() => Gen()).Prefetch(3);
        Assert.That(Flat(ds.Take(2)), Is.EqualTo(new long[] { 0, 1 }));
        Assert.That(finished, Is.True, "the generator was closed before the enumeration returned");

        IEnumerable<Element> Gen()
        {
            try
            {
                for (long i = 0; ; i++) yield return tensor(i);
            }
            finally
            {
                finished = true;
            }
        }
    }

    [Test]
    public void GeneratorErrorsComeThroughPrefetchWithTheirIndex()
    {
        var ds = Dataset.FromGenerator(() => Gen()).Prefetch(2);
        var ex = Assert.Throws<KerasNetException>(() => Values(ds));
        Assert.That(ex!.Message, Does.Contain("generator failed at element 3").And.Contain("disk gone"));
        Assert.That(ex.InnerException, Is.TypeOf<IOException>());

        static IEnumerable<Element> Gen()
        {
            for (long i = 0; i < 3; i++) yield return tensor(i);
            throw new IOException("disk gone");
        }
    }

    [Test]
    public void GeneratorWhoseStructureChangesIsStopped()
    {
        var ds = Dataset.FromGenerator(() => [zeros(2), (zeros(2), zeros(1))]);
        var ex = Assert.Throws<KerasNetException>(() => Values(ds));
        Assert.That(ex!.Message, Does.Contain("element 1 has structure (float32[2], float32[1])"));
    }
}
