using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Metrics;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Trainers;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

/// <summary>
/// The Functional API: multi-input/multi-output training, shared layers, nested models, feature extraction,
/// summaries, construction errors and depth.
/// </summary>
public class FunctionalTests
{
    /// <summary>features (8) and meta (3) → concatenate → Dense(16, relu) → class_out (3, softmax) and value_out (1).</summary>
    private static Model TwoInputTwoOutputModel()
    {
        var features = Input(shape: [8], name: "features");
        var meta = Input(shape: [3], name: "meta");
        var x = new Concatenate(name: "merge").Apply([features, meta]);
        x = new Dense(16, activation: "relu", name: "hidden").Apply(x);
        var classOut = new Dense(3, activation: "softmax", name: "class_out").Apply(x);
        var valueOut = new Dense(1, name: "value_out").Apply(x);
        return new Model([features, meta], [classOut, valueOut], name: "two_heads");
    }

    [Test]
    public void MultiInputMultiOutputModelTrainsWithPerOutputLossesWeightsAndMetrics()
    {
        RandomSeed.Set(3);
        var features = rand(256, 8);
        var meta = rand(256, 3);
        var labels = nn.functional.one_hot((features.narrow(1, 0, 3) + meta).argmax(1), 3).to(ScalarType.Float32);
        var values = meta.sum(1, keepdim: true);
        using var model = TwoInputTwoOutputModel();
        model.Compile(optimizer: new SGD(learningRate: 0.1),
            loss: new Dictionary<string, string> { ["class_out"] = "categorical_crossentropy", ["value_out"] = "mse" },
            lossWeights: new Dictionary<string, double> { ["class_out"] = 1.0, ["value_out"] = 0.5 },
            metrics: new Dictionary<string, MetricRef[]> { ["class_out"] = ["accuracy"], ["value_out"] = ["mae"] });

        var history = model.Fit(new Dictionary<string, Tensor> { ["meta"] = meta, ["features"] = features },
            new Dictionary<string, Tensor> { ["value_out"] = values, ["class_out"] = labels }, epochs: 4, batchSize: 32, verbose: 0);

        Assert.That(history.Values.Keys, Is.EquivalentTo(new[] { "loss", "class_out_loss", "value_out_loss", "class_out_accuracy", "value_out_mae" }));
        for (int epoch = 0; epoch < 4; epoch++)
        {
            // Keras: the total is the weighted sum of the unweighted per-output losses (no regularization here);
            // the epoch means are means over the same batches, so the relation holds for them too.
            double expected = history["class_out_loss"][epoch] + 0.5 * history["value_out_loss"][epoch];
            Assert.That(history["loss"][epoch], Is.EqualTo(expected).Within(1e-5 * expected), $"epoch {epoch}");
        }
        Assert.That(history["loss"][3], Is.LessThan(history["loss"][0]));
        Assert.That(history["value_out_mae"][3], Is.LessThan(history["value_out_mae"][0]));
    }

    [Test]
    public void LossWeightsScaleThePerOutputLossesInTheTotal()
    {
        // Zero weights: class_out predicts softmax(0, 0) = (0.5, 0.5), so categorical cross-entropy is ln 2 for every
        // sample; value_out predicts 0 for labels 2, so the mean squared error is 4.
        var x = Input(shape: [2], name: "x");
        var classOut = new Dense(2, activation: "softmax", kernelInitializer: "zeros", name: "class_out").Apply(x);
        var valueOut = new Dense(1, kernelInitializer: "zeros", name: "value_out").Apply(x);
        using var model = new Model([x], [classOut, valueOut]);
        var data = T([1, 2, 3, 4], 2, 2);
        var y = ModelData.Of(T([1, 0, 0, 1], 2, 2), T([2, 2], 2, 1));
        var ln2 = Math.Log(2);
        var losses = new Dictionary<string, string> { ["class_out"] = "categorical_crossentropy", ["value_out"] = "mse" };

        model.Compile(optimizer: new SGD(), loss: losses);
        var plain = model.Evaluate(data, y);
        model.Compile(optimizer: new SGD(), loss: losses, lossWeights: [1.0, 0.5]);
        var half = model.Evaluate(data, y);
        model.Compile(optimizer: new SGD(), loss: losses, lossWeights: new Dictionary<string, double> { ["class_out"] = 0.25, ["value_out"] = 2 });
        var byName = model.Evaluate(data, y);

        Assert.That(plain["class_out_loss"], Is.EqualTo(ln2).Within(1e-6));
        Assert.That(plain["value_out_loss"], Is.EqualTo(4.0).Within(1e-6));
        Assert.That(plain["loss"], Is.EqualTo(ln2 + 4).Within(1e-6));              // 4.6931472
        Assert.That(half["loss"], Is.EqualTo(ln2 + 0.5 * 4).Within(1e-6));        // 2.6931472
        Assert.That(half["value_out_loss"], Is.EqualTo(4.0).Within(1e-6), "per-output losses are logged unweighted");
        Assert.That(byName["loss"], Is.EqualTo(0.25 * ln2 + 2 * 4).Within(1e-6)); // 8.1732868
    }

    [Test]
    public void SharedLayerHasOneWeightSetAndTwoNodes()
    {
        var a = Input(shape: [3], name: "a");
        var b = Input(shape: [3], name: "b");
        var shared = new Dense(2, name: "shared");
        var ya = shared.Apply(a);
        var yb = shared.Apply(b);
        using var model = new Model([a, b], [ya, yb], name: "siamese");

        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "a", "b", "shared" }));
        Assert.That(model.Weights, Has.Count.EqualTo(2));
        Assert.That(model.CountParams(), Is.EqualTo(3 * 2 + 2));
        Assert.That(shared.Output, Is.SameAs(ya), "layer.Output is the first call's output, as in Keras");
        Assert.That(model.OutputNames, Is.EqualTo(new[] { "shared_0", "shared_1" }), "two outputs of one layer get distinct names");

        // W = [[1, 0], [0, 1], [1, 1]], bias (0.5, −0.5): a = (1, 2, 3) → (4.5, 4.5); b = (0, 1, 0) → (0.5, 0.5).
        model.SetWeights([T([1, 0, 0, 1, 1, 1], 3, 2), T([0.5f, -0.5f], 2)]);
        var outputs = model.PredictOutputs(ModelData.Of(T([1, 2, 3], 1, 3), T([0, 1, 0], 1, 3)));
        Assert.That(Floats(outputs[0]), Is.EqualTo(new[] { 4.5f, 4.5f }));
        Assert.That(Floats(outputs[1]), Is.EqualTo(new[] { 0.5f, 0.5f }));

        // Training through both calls updates the one weight set: equal inputs still give equal outputs.
        model.Compile(optimizer: new SGD(learningRate: 0.05), loss: "mse");
        model.Fit(ModelData.Of(rand(16, 3), rand(16, 3)), ModelData.Of(rand(16, 2), rand(16, 2)), epochs: 2, verbose: 0);
        var same = rand(1, 3);
        var after = model.PredictOutputs(ModelData.Of(same, same));
        Assert.That(Floats(after[0]), Is.EqualTo(Floats(after[1])));
        Assert.That(Floats(shared.GetWeights()[0]), Is.Not.EqualTo(new[] { 1f, 0, 0, 1, 1, 1 }), "the shared kernel was trained");
    }

    [Test]
    public void NestedModelWorksAsALayerAndCanBeFrozen()
    {
        var i = Input(shape: [4], name: "encoder_in");
        var h = new Dense(3, activation: "relu", name: "encoder_hidden").Apply(i);
        using var encoder = new Model(i, new Dense(2, name: "encoder_out").Apply(h), name: "encoder");
        var x = Input(shape: [4], name: "x");
        var head = new Dense(1, name: "head");
        using var model = new Model(x, head.Apply(encoder.Apply(x)), name: "classifier");

        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "x", "encoder", "head" }));
        Assert.That(model.Weights, Has.Count.EqualTo(6));
        Assert.That(model.CountParams(), Is.EqualTo(4 * 3 + 3 + 3 * 2 + 2 + 2 * 1 + 1));

        RandomSeed.Set(5);
        var data = rand(8, 4);
        var composed = head.Apply(encoder.Predict(data));
        Assert.That(Floats(model.Predict(data)), Is.EqualTo(Floats(composed)).Within(1e-6));

        encoder.Trainable = false;
        Assert.That(model.TrainableWeights.Select(w => w.Path), Is.EqualTo(new[] { "head/kernel", "head/bias" }));
        var encoderBefore = encoder.GetWeights().Select(Floats).ToList();
        var headBefore = Floats(head.GetWeights()[0]);
        model.Compile(optimizer: new SGD(learningRate: 0.1), loss: "mse");
        model.Fit(data, rand(8, 1), epochs: 2, verbose: 0);
        Assert.That(encoder.GetWeights().Select(Floats), Is.EqualTo(encoderBefore), "a frozen nested model keeps its weights");
        Assert.That(Floats(head.GetWeights()[0]), Is.Not.EqualTo(headBefore));
    }

    [Test]
    public void FeatureExtractorFromAnIntermediateOutputSharesTheWeights()
    {
        var x = Input(shape: [4], name: "x");
        var h1 = new Dense(3, activation: "relu", name: "h1").Apply(x);
        var h2 = new Dense(2, name: "h2").Apply(h1);
        using var model = new Model(x, new Dense(1, name: "out").Apply(h2));
        using var features = new Model(model.Inputs, [model.GetLayer("h2").Output], name: "features");

        Assert.That(features.Layers.Select(l => l.Name), Is.EqualTo(new[] { "x", "h1", "h2" }));
        Assert.That(features.Weights, Is.EqualTo(model.Weights.Take(4)), "the same variables, not copies");
        // h1: ones(4, 3) with bias (−1, 0, 1) on x = (1, 1, 1, 1) → (3, 4, 5); h2 = [[1, 0], [0, 1], [1, 1]] → (8, 9).
        model.GetLayer("h1").SetWeights([ones(4, 3), T([-1, 0, 1], 3)]);
        model.GetLayer("h2").SetWeights([T([1, 0, 0, 1, 1, 1], 3, 2), zeros(2)]);
        Assert.That(Floats(features.Predict(ones(1, 4))), Is.EqualTo(new[] { 8f, 9f }));
    }

    [Test]
    public void GetLayerByNameAndIndex()
    {
        using var model = TwoInputTwoOutputModel();
        Assert.That(model.GetLayer("hidden"), Is.InstanceOf<Dense>());
        Assert.That(model.GetLayer(0).Name, Is.EqualTo("features"));
        var unknown = Assert.Throws<KerasNetException>(() => model.GetLayer("hiden"));
        Assert.That(unknown!.Message, Does.Contain("'hiden'").And.Contain("hidden").And.Contain("class_out"));
        var index = Assert.Throws<KerasNetException>(() => model.GetLayer(7));
        Assert.That(index!.Message, Does.Contain("7").And.Contain("6 layers"));
    }

    [Test]
    public void SummaryListsConnections()
    {
        using var model = TwoInputTwoOutputModel();
        var text = model.Summary(_ => { });
        var lines = text.Split('\n');
        Assert.That(lines[0], Is.EqualTo("Model: \"two_heads\""));
        Assert.That(lines.Single(l => l.Contains("Layer (type)")), Does.Contain("Output Shape").And.Contain("Param #").And.Contain("Connected to"));
        Assert.That(lines.Single(l => l.Contains("merge (Concatenate)")), Does.Contain("(None, 11)").And.Contain("features[0][0], meta[0][0]"));
        Assert.That(lines.Single(l => l.Contains("class_out (Dense)")), Does.Contain("(None, 3)").And.Contain("51").And.Contain("hidden[0][0]"));
        Assert.That(lines.Single(l => l.Contains("features (InputLayer)")), Does.Contain("(None, 8)").And.Match(@"\s-\s*$"));
        // 11·16 + 16 + 16·3 + 3 + 16 + 1 = 260 parameters.
        Assert.That(text, Does.Contain("Total params: 260"));
    }

    [Test]
    public void OutputsThatDoNotDependOnTheInputsAreRejected()
    {
        var a = Input(shape: [3], name: "unused_a");
        var b = Input(shape: [3], name: "other_b");
        var y = new Dense(2).Apply(b);
        var e = Assert.Throws<KerasNetException>(() => _ = new Model(a, y, name: "broken"));
        Assert.That(e!.Message, Does.Contain("Model 'broken'").And.Contain("disconnected").And.Contain("'other_b'").And.Contain("unused_a"));
    }

    [Test]
    public void DuplicateLayerNamesAreRejected()
    {
        var x = Input(shape: [2]);
        var y = new Dense(2, name: "twin").Apply(new Dense(2, name: "twin").Apply(x));
        var e = Assert.Throws<KerasNetException>(() => _ = new Model(x, y, name: "twins"));
        Assert.That(e!.Message, Does.Contain("Model 'twins'").And.Contain("'twin'").And.Contain("unique"));
    }

    [Test]
    public void WrongInputCountOrShapeFailsWhenTheGraphIsBuilt()
    {
        var a = Input(shape: [4], name: "left");
        var b = Input(shape: [4], name: "right");
        using var pair = new Model([a, b], [new Concatenate().Apply([a, b])], name: "pair");

        var count = Assert.Throws<KerasNetException>(() => pair.Apply(Input(shape: [4])));
        Assert.That(count!.Message, Does.Contain("Model 'pair'").And.Contain("2 inputs").And.Contain("called on 1"));

        var shape = Assert.Throws<KerasNetException>(() => pair.Apply([Input(shape: [4]), Input(shape: [5])]));
        Assert.That(shape!.Message, Does.Contain("'right'").And.Contain("(None, 4)").And.Contain("(None, 5)"));

        var dense = new Dense(2, name: "fixed");
        dense.Apply(Input(shape: [4]));
        var layer = Assert.Throws<KerasNetException>(() => dense.Apply(Input(shape: [5])));
        Assert.That(layer!.Message, Does.Contain("'fixed'").And.Contain("(None, 5)"));

        var data = Assert.Throws<KerasNetException>(() => pair.Predict(ones(2, 4)));
        Assert.That(data!.Message, Does.Contain("2 inputs").And.Contain("1 arrays"));
    }

    [Test]
    public void DeepChainOfThreeThousandLayersBuildsRunsAndTrains()
    {
        // Identity kernels and a 0.001 bias: each layer adds 0.001, so 3,000 layers add 3.
        var x = Input(shape: [2], name: "x");
        var h = x;
        for (int i = 0; i < 3000; i++)
            h = new Dense(2, kernelInitializer: "identity", biasInitializer: new Constant(0.001)).Apply(h);
        using var model = new Model(x, h, name: "deep");

        Assert.That(model.Layers, Has.Count.EqualTo(3001));
        Assert.That(Floats(model.Predict(T([1, -1], 1, 2))), Is.EqualTo(new[] { 4f, 2f }).Within(1e-3));
        model.Compile(optimizer: new SGD(learningRate: 1e-4), loss: "mse");
        var history = model.Fit(T([1, -1, 0, 2], 2, 2), T([4, 2, 3, 5], 2, 2), epochs: 1, verbose: 0);
        Assert.That(history["loss"][0], Is.EqualTo(0.0).Within(1e-4), "the identity chain already fits y = x + 3");
    }

    [Test]
    public void TrainingArgumentRecordedInTheGraphWins()
    {
        // Keras: y = dropout(x, training=True) keeps dropping at inference; without the argument it is the identity.
        var x = Input(shape: [1000]);
        var alwaysOn = new Dropout(0.5).ApplyMulti([x], new Dictionary<string, object?> { ["training"] = true })[0];
        var modeDependent = new Dropout(0.5).Apply(x);
        using var model = new Model([x], [alwaysOn, modeDependent]);

        var outputs = model.PredictOutputs(ones(1, 1000));
        var dropped = Floats(outputs[0]);
        Assert.That(dropped.Distinct().Order(), Is.EqualTo(new[] { 0f, 2f }), "inverted dropout: kept values are scaled by 1 / (1 − 0.5)");
        Assert.That(dropped.Count(v => v == 0), Is.InRange(400, 600));
        Assert.That(Floats(outputs[1]), Is.All.EqualTo(1f));
    }

    [Test]
    public void LayersAreListedInKerasOrder()
    {
        // Two branches of different lengths: Keras orders by depth from the output, then by first visit.
        var a = Input(shape: [2], name: "a");
        var b = Input(shape: [2], name: "b");
        var a2 = new Dense(2, name: "a2").Apply(new Dense(2, name: "a1").Apply(a));
        var b1 = new Dense(2, name: "b1").Apply(b);
        var merged = new Concatenate(name: "merged").Apply([a2, b1]);
        using var model = new Model([a, b], [new Dense(1, name: "out").Apply(merged)]);
        // Depths: out 0, merged 1, a2 and b1 2, a1 and b 3, a 4.
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "a", "a1", "b", "a2", "b1", "merged", "out" }));
    }

    /// <summary>Counts its calls on data.</summary>
    private sealed class CallCounter() : Layer("counter")
    {
        public int Calls { get; private set; }

        protected override Tensor Call(Tensor inputs, bool training)
        {
            Calls++;
            return inputs;
        }

        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;
    }

    [Test]
    public void NestedModelRunsOncePerCall()
    {
        // The outer graph asks a nested model for its output masks after calling it; that must not run it again
        // (a stateful layer inside would advance twice).
        var counter = new CallCounter();
        var i = Input(shape: [2]);
        using var inner = new Model(i, counter.Apply(i), name: "inner");
        var x = Input(shape: [2]);
        using var outer = new Model(x, new Dense(1).Apply(inner.Apply(x)));
        outer.Predict(ones(3, 2));
        Assert.That(counter.Calls, Is.EqualTo(1));
    }
}
