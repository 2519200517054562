using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Trainers;

/// <summary>Every mistake gets a KerasNetException that names the layer or argument and both values.</summary>
public class BadInputTests
{
    private static Sequential Mlp()
    {
        var model = new Sequential();
        model.Add(new Dense(8, activation: "relu", inputDim: 4, name: "hidden"));
        model.Add(new Dense(3, activation: "softmax", name: "probs"));
        return model;
    }

    [Test]
    public void FitBeforeCompileSaysToCompile()
    {
        var e = Assert.Throws<KerasNetException>(() => Mlp().Fit(rand(10, 4), rand(10, 3), verbose: 0));
        Assert.That(e!.Message, Does.Contain("must be compiled").And.Contain("Compile("));
    }

    [Test]
    public void WrongFeatureCountNamesTheInputAndBothShapes()
    {
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy");
        var e = Assert.Throws<KerasNetException>(() => model.Fit(rand(10, 5), rand(10, 3), verbose: 0));
        Assert.That(e!.Message, Does.Contain("(None, 4)").And.Contain("(10, 5)"));
        var p = Assert.Throws<KerasNetException>(() => model.Predict(rand(2, 7)));
        Assert.That(p!.Message, Does.Contain("(None, 4)").And.Contain("(2, 7)"));
    }

    [Test]
    public void WrongRankNamesTheLayer()
    {
        var dense = new Dense(3, name: "needs_rank2");
        var e = Assert.Throws<KerasNetException>(() => dense.Apply(rand(5)));
        Assert.That(e!.Message, Does.Contain("needs_rank2").And.Contain("expected rank >= 2").And.Contain("(5,)"));
    }

    [Test]
    public void CallingABuiltLayerOnAnotherWidthNamesAxisAndShapes()
    {
        var dense = new Dense(3, name: "fixed_width");
        dense.Apply(rand(2, 4));
        var e = Assert.Throws<KerasNetException>(() => dense.Apply(rand(2, 6)));
        Assert.That(e!.Message, Does.Contain("fixed_width").And.Contain("axis -1").And.Contain("value 4").And.Contain("(2, 6)"));
    }

    [Test]
    public void LabelShapeNotMatchingTheLossNamesLossAndShapes()
    {
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy");
        var e = Assert.Throws<KerasNetException>(() => model.Fit(rand(10, 4), rand(10, 5), verbose: 0));
        Assert.That(e!.Message, Does.Contain("categorical_crossentropy").And.Contain("(10, 5)").And.Contain("(10, 3)"));
    }

    [Test]
    public void SampleCountMismatchIsReported()
    {
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "categorical_crossentropy");
        var e = Assert.Throws<KerasNetException>(() => model.Fit(rand(10, 4), rand(9, 3), verbose: 0));
        Assert.That(e!.Message, Does.Contain("10 samples").And.Contain("(9, 3)"));
    }

    [Test]
    public void NaNLossStopsWithAnExplanation()
    {
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "mse");
        var x = rand(16, 4);
        x[3, 1] = tensor(float.NaN);
        var e = Assert.Throws<KerasNetException>(() => model.Fit(x, rand(16, 3), verbose: 0));
        Assert.That(e!.Message, Does.Contain("loss became NaN").And.Contain("epoch 1"));
    }

    [Test]
    public void UnknownNamesListTheValidOnes()
    {
        var e = Assert.Throws<KerasNetException>(() => Mlp().Compile(optimizer: "adamm", loss: "mse"));
        Assert.That(e!.Message, Does.Contain("Unknown optimizer 'adamm'").And.Contain("sgd"));
        var l = Assert.Throws<KerasNetException>(() => Mlp().Compile(optimizer: "sgd", loss: "msee"));
        Assert.That(l!.Message, Does.Contain("Unknown loss 'msee'").And.Contain("mean_squared_error"));
        var a = Assert.Throws<KerasNetException>(() => new Dense(3, activation: "rellu"));
        Assert.That(a!.Message, Does.Contain("Unknown activation 'rellu'").And.Contain("relu"));
    }

    [Test]
    public void UnsupportedArgumentsThrowInsteadOfBeingIgnored()
    {
        Assert.Throws<NotSupportedException>(() => Mlp().Compile(optimizer: "sgd", loss: "mse", jitCompile: true));
        Assert.Throws<NotSupportedException>(() => new Dropout(0.5, seed: 3));
    }
}
