using KerasNet.Callbacks;
using KerasNet.Data;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;
using static TorchSharp.torch;

namespace KerasNet.Tests.Data;

public class DatasetFitTests
{
    private static (Tensor X, Tensor Y) Blobs(int n = 96)
    {
        RandomSeed.Set(5);
        var classes = randint(0, 3, [n]);
        return (randn(n, 4) * 0.3f + nn.functional.one_hot(classes, 4).to(ScalarType.Float32) * 2f, classes);
    }

    private static Sequential Mlp()
    {
        RandomSeed.Set(11);
        var model = new Sequential([new Dense(8, activation: "relu", inputDim: 4), new Dense(3, activation: "softmax")]);
        model.Compile(optimizer: new SGD(0.1), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        return model;
    }

    private static float[] Weights(Model m) => m.Weights.SelectMany(w => w.ToArray()).ToArray();

    [Test]
    public void DatasetFitMatchesArrayFitExactly()
    {
        var (x, y) = Blobs();
        var arrays = Mlp();
        var arrayHistory = arrays.Fit(x, y, batchSize: 16, epochs: 2, shuffle: false, verbose: 0, validationData: (x, y));
        var datasets = Mlp();
        var ds = Dataset.FromTensorSlices(x, y).Batch(16);
        var history = datasets.Fit(ds.Prefetch(2), epochs: 2, verbose: 0, validationData: ds);
        Assert.That(Weights(datasets), Is.EqualTo(Weights(arrays)).AsCollection);
        Assert.That(history["loss"], Is.EqualTo(arrayHistory["loss"]).AsCollection);
        Assert.That(history["val_accuracy"], Is.EqualTo(arrayHistory["val_accuracy"]).AsCollection);
        Assert.That(datasets.Evaluate(ds), Is.EqualTo(arrays.Evaluate(x, y)));
        Assert.That(Values(datasets.Predict(ds)), Is.EqualTo(Values(arrays.Predict(x))).AsCollection);
    }

    private static float[] Values(Tensor t) => t.contiguous().flatten().data<float>().ToArray();

    [Test]
    public void GeneratorOfBatchesWithStepsPerEpochCarriesOnAcrossEpochs()
    {
        var (x, y) = Blobs();
        var seen = new List<long>();
        var model = Mlp();
        var history = model.Fit(Batches(), epochs: 3, stepsPerEpoch: 2, verbose: 0);
        Assert.That(history["loss"], Has.Count.EqualTo(3));
        Assert.That(seen, Is.EqualTo(new long[] { 0, 16, 32, 48, 64, 80 }), "one pass split over the epochs, the first batch read once");

        IEnumerable<Element> Batches()
        {
            for (long i = 0; i < 96; i += 16)
            {
                seen.Add(i);
                yield return (x.narrow(0, i, 16), y.narrow(0, i, 16));
            }
        }
    }

    [Test]
    public void RunningOutOfDataStopsTraining()
    {
        var (x, y) = Blobs();
        var ds = Dataset.FromGenerator(() => Enumerable.Range(0, 3).Select(i => (Element)(x.narrow(0, i * 16, 16), y.narrow(0, i * 16, 16))));
        var history = Mlp().Fit(ds, epochs: 5, stepsPerEpoch: 2, verbose: 0);
        Assert.That(history.Epochs, Is.EqualTo(new[] { 0, 1 }), "the second epoch got one batch, then training stopped");
    }

    [Test]
    public void InfiniteDatasetNeedsSteps()
    {
        var (x, y) = Blobs();
        var ds = Dataset.FromTensorSlices(x, y).Batch(16).Repeat();
        var ex = Assert.Throws<KerasNetException>(() => Mlp().Fit(ds, verbose: 0));
        Assert.That(ex!.Message, Does.Contain("infinite").And.Contain("steps"));
        Assert.That(Mlp().Fit(ds, epochs: 2, stepsPerEpoch: 10, verbose: 0)["loss"], Has.Count.EqualTo(2));
    }

    [Test]
    public void MultiInputDictionaryElementsAndSampleWeights()
    {
        var a = Input(shape: [2], name: "a");
        var b = Input(shape: [3], name: "b");
        RandomSeed.Set(2);
        var model = new Model([a, b], [new Dense(1).Apply(new Concatenate().Apply([a, b]))]);
        model.Compile(optimizer: new SGD(0.05), loss: "mse");
        var xa = randn(32, 2);
        var xb = randn(32, 3);
        var y = xa.sum(1, keepdim: true) - xb.sum(1, keepdim: true);
        var zeroWeights = zeros(32);
        var before = Weights(model);
        var ds = Dataset.FromTensorSlices((new Dictionary<string, Tensor> { ["b"] = xb, ["a"] = xa }, y, zeroWeights)).Batch(8);
        model.Fit(ds, epochs: 1, verbose: 0);
        Assert.That(Weights(model), Is.EqualTo(before).AsCollection, "zero sample weights: no update");
        var history = model.Fit(Dataset.FromTensorSlices((new Dictionary<string, Tensor> { ["b"] = xb, ["a"] = xa }, y)).Batch(8), epochs: 30, verbose: 0);
        Assert.That(history["loss"][^1], Is.LessThan(0.1 * history["loss"][0]));
    }

    [Test]
    public void ValidationInsideFitCallsTheTestHooks()
    {
        var (x, y) = Blobs();
        var probe = new Probe();
        Mlp().Fit(Dataset.FromTensorSlices(x, y).Batch(32), epochs: 2, verbose: 0, callbacks: [probe],
            validationData: Dataset.FromTensorSlices(x, y).Batch(48), validationFreq: 2);
        Assert.That(probe.Events, Is.EqualTo(new[] { "test_begin", "test_batch_0", "test_batch_1", "test_end" }));
    }

    private sealed class Probe : Callback
    {
        public List<string> Events { get; } = [];
        public override void OnTestBegin(Logs logs) => Events.Add("test_begin");
        public override void OnTestBatchEnd(int batch, Logs logs) => Events.Add($"test_batch_{batch}");
        public override void OnTestEnd(Logs logs) => Events.Add("test_end");
    }

    [Test]
    public void GeneratorThatThrowsStopsFitCleanly()
    {
        var (x, y) = Blobs();
        bool closed = false;
        var ds = Dataset.FromGenerator(() => Failing()).Prefetch(2);
        var ex = Assert.Throws<KerasNetException>(() => Mlp().Fit(ds, epochs: 2, verbose: 0));
        Assert.That(ex!.Message, Does.Contain("generator failed at element 2").And.Contain("sensor unplugged"));
        Assert.That(closed, Is.True);

        IEnumerable<Element> Failing()
        {
            try
            {
                for (int i = 0; i < 2; i++) yield return (x.narrow(0, i * 16, 16), y.narrow(0, i * 16, 16));
                throw new InvalidOperationException("sensor unplugged");
            }
            finally
            {
                closed = true;
            }
        }
    }

    [Test]
    public void BatchWhoseFeatureShapeChangesGetsAModelError()
    {
        var model = Mlp();
        var ex = Assert.Throws<KerasNetException>(() => model.Fit(new Element[] { (randn(4, 4), zeros(4, dtype: ScalarType.Int64)), (randn(4, 5), zeros(4, dtype: ScalarType.Int64)) }, verbose: 0));
        Assert.That(ex!.Message, Does.Contain("expects data of shape (None, 4), but received data of shape (4, 5)"));
    }
}
