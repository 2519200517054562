using KerasNet.Callbacks;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Trainers;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Trainers;

public class TrainingTests
{
    private static (Tensor X, Tensor Y) Blobs(int n = 256, int seed = 3)
    {
        RandomSeed.Set(seed);
        var classes = randint(0, 3, [n]);
        var x = randn(n, 4) * 0.3f + nn.functional.one_hot(classes, 4).to(ScalarType.Float32) * 2f;
        return (x, nn.functional.one_hot(classes, 3).to(ScalarType.Float32));
    }

    private static Sequential Mlp() => new([
        new Dense(16, activation: "relu", inputDim: 4),
        new Dense(3, activation: "softmax"),
    ]);

    [Test]
    public void SameSeedTrainsToBitIdenticalWeights()
    {
        float[] Train()
        {
            var (x, y) = Blobs();
            RandomSeed.Set(42);
            var model = Mlp();
            model.Compile(optimizer: new SGD(0.1, momentum: 0.9), loss: "categorical_crossentropy");
            model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0);
            return model.Weights.SelectMany(w => w.ToArray()).ToArray();
        }
        var a = Train();
        var b = Train();
        Assert.That(a, Is.EqualTo(b).AsCollection);
    }

    [Test]
    public void SeedComputationalGraphGradients()
    {
        // The lecture's graph: c = a + b, d = b + 1, e = c·d; at a = 2, b = 1: e = 6, de/da = d = 2, de/db = c + d = 5.
        var a = tensor(2f, requires_grad: true);
        var b = tensor(1f, requires_grad: true);
        var e = (a + b) * (b + 1);
        var grads = autograd.grad([e], [a, b]);
        Assert.That(e.item<float>(), Is.EqualTo(6f));
        Assert.That(grads[0].item<float>(), Is.EqualTo(2f));
        Assert.That(grads[1].item<float>(), Is.EqualTo(5f));
    }

    [Test]
    public void HandWrittenLoopWithApplyGradients()
    {
        // w starts at 3; loss = (w - 1)²; SGD(0.25): w ← w − 0.25·2(w − 1) = 2, then 1.5.
        var w = new KerasVariable("w", tensor(3f));
        var opt = new SGD(learningRate: 0.25);
        for (int step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            var loss = (w.Value - 1).square();
            var g = autograd.grad([loss], [w.Value]);
            opt.ApplyGradients([g[0]], [w]);
        }
        Assert.That(w.Value.item<float>(), Is.EqualTo(1.5f));
        Assert.That(opt.Iterations, Is.EqualTo(2));
    }

    private sealed class TwoLayerNet : Model
    {
        private readonly Dense _hidden = new(16, activation: "relu");
        private readonly Dense _out = new(3, activation: "softmax");

        protected override Tensor Call(Tensor inputs, bool training) => _out.Apply(_hidden.Apply(inputs, training), training);
    }

    [Test]
    public void SubclassedModelTracksItsLayersAndTrains()
    {
        var (x, y) = Blobs();
        var model = new TwoLayerNet();
        model.Compile(optimizer: new SGD(0.1), loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var history = model.Fit(x, y, epochs: 8, batchSize: 32, verbose: 0);
        Assert.That(model.TrainableWeights, Has.Count.EqualTo(4));
        Assert.That(history["accuracy"][^1], Is.GreaterThan(0.9));
    }

    private sealed class CountingStepModel(Model inner) : Model
    {
        public int Steps;
        private readonly Model _inner = inner;

        protected override Tensor Call(Tensor inputs, bool training) => _inner.Apply(inputs, training);

        protected override void TrainStep(Batch data)
        {
            Steps++;
            base.TrainStep(data);
        }
    }

    [Test]
    public void OverriddenTrainStepKeepsCallbacksAndHistory()
    {
        var (x, y) = Blobs(100);
        var model = new CountingStepModel(Mlp());
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy");
        var history = model.Fit(x, y, epochs: 2, batchSize: 25, verbose: 0);
        Assert.That(model.Steps, Is.EqualTo(8));
        Assert.That(history["loss"], Has.Count.EqualTo(2));
    }

    [Test]
    public void DotNetArraysAreAcceptedForInputsAndLabels()
    {
        var x = new float[60, 4];
        var y = new float[60, 3];
        for (int i = 0; i < 60; i++)
        {
            x[i, i % 3] = 2f;
            y[i, i % 3] = 1f;
        }
        var model = Mlp();
        model.Compile(optimizer: new SGD(0.2), loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var h = model.Fit(x, y, epochs: 20, batchSize: 10, verbose: 0);
        Assert.That(h["accuracy"][^1], Is.EqualTo(1.0));
        var p = model.Predict(new float[,] { { 0, 2, 0, 0 } });
        Assert.That(p.shape, Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(p.argmax(1).item<long>(), Is.EqualTo(1));
    }

    [Test]
    public void ValidationSplitUsesTheLastSamplesAndReportsValMetrics()
    {
        var (x, y) = Blobs(200);
        var model = Mlp();
        model.Compile(optimizer: new SGD(0.1), loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var h = model.Fit(x, y, epochs: 3, batchSize: 20, validationSplit: 0.25, verbose: 0);
        Assert.That(h.Values.Keys, Is.EquivalentTo(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }));
        var eval = model.Evaluate(x.narrow(0, 150, 50), y.narrow(0, 150, 50));
        Assert.That(eval["loss"], Is.EqualTo(h["val_loss"][^1]).Within(1e-6));
    }

    [Test]
    public void ClassWeightScalesTheLoss()
    {
        var (x, y) = Blobs(60);
        var model = Mlp();
        model.Compile(optimizer: new SGD(0.0), loss: "categorical_crossentropy");
        var plain = model.TestOnBatch(x, y)["loss"];
        var doubled = model.TrainOnBatch(x, y, classWeight: new Dictionary<int, double> { [0] = 2, [1] = 2, [2] = 2 })["loss"];
        Assert.That(doubled, Is.EqualTo(2 * plain).Within(1e-5));
    }

    private sealed class Recorder : Callback
    {
        public readonly List<string> Events = [];
        public override void OnTrainBegin(Logs logs) => Events.Add("train_begin");
        public override void OnEpochBegin(int epoch, Logs logs) => Events.Add($"epoch_begin {epoch}");
        public override void OnTrainBatchEnd(int batch, Logs logs) => Events.Add($"batch_end {batch}");
        public override void OnEpochEnd(int epoch, Logs logs) => Events.Add($"epoch_end {epoch} {string.Join(",", logs.Keys)}");
        public override void OnTrainEnd(Logs logs) => Events.Add("train_end");
    }

    [Test]
    public void CallbacksSeeEventsInKerasOrderAndCanStopTraining()
    {
        var (x, y) = Blobs(40);
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var rec = new Recorder();
        model.Fit(x, y, epochs: 2, batchSize: 20, verbose: 0, callbacks: [rec], initialEpoch: 1);
        Assert.That(rec.Events, Is.EqualTo(new[] { "train_begin", "epoch_begin 1", "batch_end 0", "batch_end 1", "epoch_end 1 loss,accuracy", "train_end" }));
    }

    [Test]
    public void ProgressLinesFollowKerasFormat()
    {
        var (x, y) = Blobs(64);
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var output = new StringWriter();
        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, callbacks: [new ProgbarLogger(verbose: 2, output: output)]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("Epoch 1/2"));
        Assert.That(lines[1], Does.Match(@"^4/4 - \d+m?s - \d+(ms|us|s)/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}$"));
        Assert.That(lines[2], Is.EqualTo("Epoch 2/2"));

        var bar = new StringWriter();
        model.Fit(x, y, epochs: 1, batchSize: 16, verbose: 0, callbacks: [new ProgbarLogger(verbose: 1, output: bar)]);
        Assert.That(bar.ToString(), Does.Match(@"4/4 ━{20} \d+m?s \d+(ms|us|s)/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}"));
    }

    [Test]
    public void FrozenLayersAreNotUpdated()
    {
        var (x, y) = Blobs(40);
        var model = Mlp();
        model.Layers[0].Trainable = false;
        var before = model.Layers[0].Weights.Select(w => w.ToArray()).ToList();
        model.Compile(optimizer: new SGD(0.5), loss: "categorical_crossentropy");
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0);
        Assert.That(model.Layers[0].Weights.Select(w => w.ToArray()), Is.EqualTo(before));
        Assert.That(model.TrainableWeights, Has.Count.EqualTo(2));
        Assert.That(model.NonTrainableWeights, Has.Count.EqualTo(2));
    }

    [Test]
    public void SummaryPrintsKerasTable()
    {
        var model = new Sequential(name: "seed");
        model.Add(new Dense(64, inputDim: 100, name: "dense_a"));
        model.Add(new Activation("relu", name: "act"));
        model.Add(new Dense(10, name: "dense_b"));
        var text = model.Summary(_ => { });
        Assert.That(text, Does.Contain("Model: \"seed\""));
        Assert.That(text, Does.Match(@"dense_a \(Dense\)\s+\(None, 64\)\s+6,464"));
        Assert.That(text, Does.Match(@"act \(Activation\)\s+\(None, 64\)\s+0"));
        Assert.That(text, Does.Match(@"dense_b \(Dense\)\s+\(None, 10\)\s+650"));
        Assert.That(text, Does.Contain("Total params: 7,114 (27.79 KB)"));
        Assert.That(text, Does.Contain("Trainable params: 7,114"));
        Assert.That(text, Does.Contain("Non-trainable params: 0 (0.00 B)"));
    }

    [Test]
    public void DefaultNamesAreUniqueSnakeCase()
    {
        var a = new Dense(1);
        var b = new Dense(1);
        Assert.That(a.Name, Does.StartWith("dense"));
        Assert.That(b.Name, Is.Not.EqualTo(a.Name));
        Assert.That(b.Name, Does.Match(@"^dense_\d+$"));
        Assert.That(KerasNet.Layers.LayerNames.ToSnakeCase("Conv2DTranspose"), Is.EqualTo("conv2d_transpose"));
        Assert.That(KerasNet.Layers.LayerNames.ToSnakeCase("PReLU"), Is.EqualTo("p_re_lu"));
    }

    [Test]
    public void WeightsLiveOnTheEngineDeviceAndMove()
    {
        var model = Mlp();
        model.Build(Shape.Of(1, 4));
        Assert.That(model.Weights.All(w => w.Value.device_type == KerasNet.Backend.Engine.Device.type), Is.True);
        model.To(CPU);
        Assert.That(model.Weights.All(w => w.Value.device_type == TorchSharp.DeviceType.CPU), Is.True);
        Assert.That(model.Weights.All(w => w.Value.is_leaf), Is.True);
    }
}
