using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

/// <summary>The lecture's first Keras program, translated line by line.</summary>
public class SeedProgramTests
{
    [Test]
    public void SeedProgramCompilesAndTrains()
    {
        RandomSeed.Set(1);
        // A learnable task: random features, plus 3 on the feature whose index is the class.
        var classes = randint(0, 10, [1000]);
        var xTrain = rand(1000, 100) + 3f * nn.functional.one_hot(classes, 100).to(ScalarType.Float32);
        var yTrain = nn.functional.one_hot(classes, 10).to(ScalarType.Float32);

        var model = new Sequential();
        model.Add(new Dense(units: 64, inputDim: 100));
        model.Add(new Activation("relu"));
        model.Add(new Dense(units: 10));
        model.Add(new Activation("softmax"));
        model.Compile(loss: "categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
        var history = model.Fit(xTrain, yTrain, epochs: 5, batchSize: 32, verbose: 0);

        Assert.That(history["loss"], Has.Count.EqualTo(5));
        Assert.That(history["loss"][4], Is.LessThan(history["loss"][0]), "SGD lowers the loss over 5 epochs");
        Assert.That(history["accuracy"][4], Is.GreaterThan(0.6), "far better than chance (0.1)");
        Assert.That(model.CountParams(), Is.EqualTo(100 * 64 + 64 + 64 * 10 + 10));
    }
}
