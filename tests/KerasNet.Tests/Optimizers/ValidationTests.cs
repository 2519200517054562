using KerasNet.Optimizers;
using KerasNet.Optimizers.Schedules;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Optimizers;

/// <summary>Bad arguments and bad gradients fail with a <see cref="KerasNetException"/> naming the culprit.</summary>
public sealed class ValidationTests
{
    [Test]
    public void GradientCountMustMatchVariables()
    {
        using var opt = new Adam();
        using var w = new KerasVariable("kernel", zeros(2), path: "dense/kernel");
        using var g = zeros(2);
        var e = Assert.Throws<KerasNetException>(() => opt.ApplyGradients([g, g], [w]));
        Assert.That(e!.Message, Does.Contain("2 gradients for 1 variables"));
    }

    [Test]
    public void GradientShapeMustMatchItsVariable()
    {
        using var opt = new Adam();
        using var w = new KerasVariable("kernel", zeros(2, 3), path: "dense/kernel");
        using var g = zeros(3);
        var e = Assert.Throws<KerasNetException>(() => opt.ApplyGradients([g], [w]));
        Assert.That(e!.Message, Does.Contain("dense/kernel").And.Contain("(3,)").And.Contain("(2, 3)"));
        Assert.That(opt.Iterations, Is.Zero);
    }

    [Test]
    public void AtLeastOneGradientIsNeeded()
    {
        using var opt = new SGD();
        using var w = new KerasVariable("kernel", zeros(2), path: "dense/kernel");
        var e = Assert.Throws<KerasNetException>(() => opt.ApplyGradients([null], [w]));
        Assert.That(e!.Message, Does.Contain("no gradients"));
    }

    [Test]
    public void EmptyGradientListIsANoOp()
    {
        using var opt = new SGD();
        opt.ApplyGradients([], []);
        Assert.That(opt.Iterations, Is.Zero);
    }

    [Test]
    public void FloatGradientsAreCastToTheVariableDtype()
    {
        using var opt = new SGD(learningRate: 0.5);
        using var w = new KerasVariable("kernel", ones(2, dtype: ScalarType.Float64), path: "dense/kernel");
        using var g = tensor(new[] { 1f, -1f });
        opt.ApplyGradients([g], [w]);
        Assert.That(OptimizerRun.Values(w), Is.EqualTo(new[] { 0.5, 1.5 }));
    }

    [Test]
    public void HyperParametersOutOfRangeAreRejected()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new SGD(momentum: 1.5))!.Message, Does.Contain("momentum"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new Lion(beta1: 0))!.Message, Does.Contain("beta1"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new Adam(beta1: 1.0))!.Message, Does.Contain("beta1"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new RMSprop(rho: -0.1))!.Message, Does.Contain("rho"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new Adagrad(epsilon: -1))!.Message, Does.Contain("epsilon"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new Adam(learningRate: -0.1))!.Message, Does.Contain("learningRate"));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new AdamW(weightDecay: double.NaN))!.Message, Does.Contain("weightDecay"));
    }

    [Test]
    public void LearningRateAndScheduleCannotBothBeGiven()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new Adam(learningRate: 0.01, schedule: new ExponentialDecay(0.1, 10, 0.9)));
        Assert.That(e!.Message, Does.Contain("learningRate").And.Contain("ExponentialDecay"));
    }

    [Test]
    public void ScheduledLearningRateCannotBeSet()
    {
        using var opt = new SGD(schedule: new ExponentialDecay(0.1, 10, 0.9));
        Assert.Throws<KerasNetException>(() => opt.LearningRate = 0.5);
        using var plain = new SGD();
        plain.LearningRate = 0.5;
        Assert.That(plain.LearningRate, Is.EqualTo(0.5));
    }

    [Test]
    public void PairsOverloadAppliesTheSameUpdate()
    {
        using var opt = new SGD(learningRate: 0.5);
        using var w = new KerasVariable("kernel", ones(2, dtype: ScalarType.Float64), path: "dense/kernel");
        using var g = tensor(new[] { 1.0, -1.0 });
        opt.ApplyGradients([(g, w)]);
        Assert.That(OptimizerRun.Values(w), Is.EqualTo(new[] { 0.5, 1.5 }));
        Assert.That(opt.Iterations, Is.EqualTo(1));
    }
}
