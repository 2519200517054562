using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;
using static TorchSharp.torch;

namespace KerasNet.Applications.Tests;

/// <summary>Transfer learning as Keras does it: a frozen application trains nothing and its batch normalization runs in inference mode.</summary>
public sealed class FrozenBaseTests
{
    private static bool Same(Tensor a, Tensor b) => a.allclose(b, rtol: 0, atol: 0);

    [Test]
    public void AFrozenBaseKeepsItsWeightsAndMovingStatisticsWhileTheHeadTrains()
    {
        RandomSeed.Set(7);
        using var baseModel = Applications.MobileNetV2(inputShape: [32, 32, 3], alpha: 0.35, includeTop: false, weights: null, pooling: "avg");
        baseModel.Trainable = false;
        var inputs = Input(shape: [32, 32, 3]);
        var outputs = new Dense(2, activation: "softmax").Apply(baseModel.Apply(inputs));
        using var model = new Model(inputs, outputs);
        Assert.That(model.TrainableWeights, Has.Count.EqualTo(2), "only the new head's kernel and bias");

        var before = baseModel.GetWeights().Select(w => w.clone()).ToList();
        var head = (Dense)model.Layers[^1];
        using var kernelBefore = head.Kernel.Value.clone();
        using var x = rand(16, 32, 32, 3).mul(3);
        using var y = tensor(Enumerable.Range(0, 16).Select(i => (long)(i % 2)).ToArray());
        using var inference = baseModel.Predict(x);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0);

        var after = baseModel.GetWeights();
        Assert.That(after.Zip(before).All(p => Same(p.First, p.Second)), Is.True, "frozen weights, moving means and variances unchanged");
        Assert.That(Same(head.Kernel.Value, kernelBefore), Is.False, "the head trained");
        // In training mode a trainable BatchNormalization would use batch statistics; frozen, it matches inference exactly.
        using var features = baseModel.Apply(x, training: true);
        Assert.That(Same(features, inference), Is.True);
    }
}
