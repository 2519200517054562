using KerasNet.Optimizers;
using KerasNet.Optimizers.Schedules;
using NUnit.Framework;
using static KerasNet.Tests.Optimizers.OptimizerRun;

namespace KerasNet.Tests.Optimizers.Schedules;

/// <summary>A schedule drives the optimizer's learning rate, evaluated at the step counter before each update.</summary>
public sealed class ScheduledOptimizerTests
{
    [Test]
    public void ScheduleSetsEachStepsLearningRate()
    {
        // PiecewiseConstant([0, 1], [1, 0.5, 0.25]) gives lr 1, 0.5, 0.25 at iterations 0, 1, 2: w −= lr·g.
        using var opt = new SGD(schedule: new PiecewiseConstantDecay([0, 1], [1.0, 0.5, 0.25]));
        Assert.That(opt.LearningRate, Is.EqualTo(1.0));
        AssertSteps(Steps(opt, G), [[0.9, -1.8, 0.49999], [1.15, -2.0, 0.5], [1.0999999999999999, -2.05, 0.4999925]]);
        Assert.That(opt.LearningRate, Is.EqualTo(0.25));
    }

    [Test]
    public void LearningRateFollowsIterations()
    {
        using var opt = new Adam(schedule: new ExponentialDecay(0.1, 10, 0.5));
        opt.Iterations = 10;
        Assert.That(opt.LearningRate, Is.EqualTo(0.05).Within(1e-15));
        opt.Iterations = 25;
        Assert.That(opt.LearningRate, Is.EqualTo(0.01767766952966369).Within(1e-15));
    }
}
