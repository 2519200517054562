using System.Text.Json.Nodes;
using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Trainers;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Saving;

/// <summary>
/// Models written with <c>Model.ToJson</c> and read back with <see cref="ModelConfigReader"/>: the same layers, the
/// same config, and — once the weights are copied — the same predictions, custom layers included.
/// </summary>
public class ConfigRoundTripTests
{
    /// <summary>A custom layer with weights and a hyper-parameter: <c>y = multiplier · x · scale + offset</c> per feature.</summary>
    public sealed class ScaleShift(double multiplier = 1.0, string? name = null, bool trainable = true) : Layer(name, trainable)
    {
        private KerasVariable _scale = null!, _offset = null!;

        public double Multiplier { get; } = multiplier;

        public override void Build(Shape inputShape)
        {
            var features = Shape.Of((long)inputShape[-1]!);
            _scale = AddWeight("scale", features, new Ones());
            _offset = AddWeight("offset", features, new Zeros());
        }

        protected override Tensor Call(Tensor inputs, bool training) => inputs * _scale.Value * Multiplier + _offset.Value;

        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

        public override JsonObject GetConfig()
        {
            var config = base.GetConfig();
            config["multiplier"] = Multiplier;
            return config;
        }
    }

    [Test]
    public void RegisteredCustomLayerRoundTripsInsideAFunctionalModel()
    {
        LayerRegistry.Register<ScaleShift>();
        var x = Input(shape: [3], name: "x");
        var h = new ScaleShift(multiplier: 2, name: "ss").Apply(new Dense(2, name: "pre").Apply(x));
        using var model = new Model(x, new Dense(1, name: "post").Apply(h), name: "custom");
        // Keras order: pre (kernel, bias), ss (scale, offset), post (kernel, bias).
        model.SetWeights([
            T([1, 0, 0, 1, 1, 1], 3, 2), T([0, 0], 2),
            T([0.5f, -1], 2), T([1, 2], 2),
            T([1, 10], 2, 1), T([0.5f], 1),
        ]);
        // x = [1, 2, 3]: pre = [1 + 3, 2 + 3] = [4, 5]; ss = 2·[4·0.5, 5·(−1)] + [1, 2] = [5, −8]; post = 5 − 80 + 0.5.
        const float expected = -74.5f;
        Assert.That(Floats(model.Predict(T([1, 2, 3], 1, 3))), Is.EqualTo(new[] { expected }));

        var json = model.ToJson();
        Assert.That((string)JsonNode.Parse(json)!["config"]!["layers"]![2]!["class_name"]!, Is.EqualTo("ScaleShift"));
        using var rebuilt = ModelConfigReader.FromJson(json);
        var layer = (ScaleShift)rebuilt.GetLayer("ss");
        Assert.That(layer.Multiplier, Is.EqualTo(2.0));
        Assert.That(rebuilt.Weights.Select(w => w.Path), Is.EqualTo(model.Weights.Select(w => w.Path)));
        Assert.That(Floats(rebuilt.Predict(T([1, 2, 3], 1, 3))), Is.Not.EqualTo(new[] { expected }), "fresh weights before the copy");
        rebuilt.SetWeights(model.GetWeights());
        Assert.That(Floats(rebuilt.Predict(T([1, 2, 3], 1, 3))), Is.EqualTo(new[] { expected }));
        Assert.That(rebuilt.ToJson(), Is.EqualTo(json));
    }

    /// <summary>
    /// Two inputs: an image through Conv2D, BatchNormalization and pooling, a sequence through MultiHeadAttention;
    /// a Dense shared by both branches, Concatenate, Dropout and a softmax classifier.
    /// </summary>
    private static Model MixedModel()
    {
        var image = Input(shape: [8, 8, 3], name: "image");
        var tokens = Input(shape: [5, 4], name: "tokens");
        var x = new Conv2D(4, kernelSize: 3, padding: "same", activation: "relu", name: "conv").Apply(image);
        x = new BatchNormalization(name: "bn").Apply(x);
        x = new MaxPooling2D(poolSize: 2, name: "pool").Apply(x);
        x = new GlobalAveragePooling2D(name: "gap_image").Apply(x);
        var t = new MultiHeadAttention(numHeads: 2, keyDim: 3, name: "mha").Apply(tokens, tokens, useCausalMask: true);
        t = new GlobalAveragePooling1D(name: "gap_tokens").Apply(t);
        var shared = new Dense(6, activation: "tanh", name: "shared");
        var merged = new Concatenate(name: "merge").Apply([shared.Apply(x), shared.Apply(t)]);
        merged = new Dropout(0.25, name: "drop").Apply(merged);
        return new Model([image, tokens], [new Dense(3, activation: "softmax", name: "classes").Apply(merged)], name: "mixed");
    }

    [Test]
    public void FunctionalModelWithManyLayerKindsRoundTripsItsConfigAndPredictions()
    {
        RandomSeed.Set(11);
        using var model = MixedModel();
        // A little training moves every weight, BatchNormalization's moving statistics included, off its initial value.
        var images = randn(16, 8, 8, 3);
        var tokens = randn(16, 5, 4);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(ModelData.FromTensors([images, tokens]), randint(0, 3, [16]), epochs: 2, batchSize: 8, verbose: 0);
        var movingMean = model.GetLayer("bn").Weights.Single(w => w.Name == "moving_mean").Value;
        Assert.That(movingMean.abs().sum().item<float>(), Is.GreaterThan(0f), "the moving mean has moved");

        var json = model.ToJson();
        using var rebuilt = ModelConfigReader.FromJson(json);
        Assert.That(rebuilt.Layers.Select(l => (l.Name, l.ClassName)), Is.EqualTo(model.Layers.Select(l => (l.Name, l.ClassName))));
        Assert.That(rebuilt.Weights.Select(w => (w.Path, w.Trainable)), Is.EqualTo(model.Weights.Select(w => (w.Path, w.Trainable))));
        Assert.That(rebuilt.GetLayer("shared").InboundNodes, Has.Count.EqualTo(2), "the shared layer is called twice again");
        Assert.That(rebuilt.ToJson(), Is.EqualTo(json), "identical configs");

        rebuilt.SetWeights(model.GetWeights());
        var data = ModelData.FromTensors([randn(4, 8, 8, 3), randn(4, 5, 4)]);
        Assert.That(Floats(rebuilt.Predict(data)), Is.EqualTo(Floats(model.Predict(data))));
    }
}
