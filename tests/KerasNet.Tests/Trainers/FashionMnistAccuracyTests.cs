using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;

namespace KerasNet.Tests.Trainers;

/// <summary>The Keras "basic classification" tutorial: an MLP on Fashion-MNIST (skipped without Fashion-MNIST, except on CI).</summary>
public class FashionMnistAccuracyTests
{
    [Test]
    public void MlpReachesAtLeast85PercentTestAccuracyInTwoEpochs()
    {
        var (train, test) = TestData.FashionMnistOrSkip();
        RandomSeed.Set(7);
        var model = new Sequential([
            new Flatten(inputShape: [28, 28]),
            new Dense(128, activation: "relu"),
            new Dense(10),
        ]);
        model.Compile(optimizer: "adam",
            loss: new KerasNet.Losses.SparseCategoricalCrossentropy(fromLogits: true),
            metrics: ["accuracy"]);
        model.Fit(train.XTensor(), train.YTensor(), epochs: 2, batchSize: 32, verbose: 0);
        var scores = model.Evaluate(test.XTensor(), test.YTensor());
        TestContext.Progress.WriteLine($"Fashion-MNIST MLP, 2 epochs: test accuracy {scores["accuracy"]:0.0000}, loss {scores["loss"]:0.0000}");
        Assert.That(scores["accuracy"], Is.GreaterThanOrEqualTo(0.85));
    }
}
