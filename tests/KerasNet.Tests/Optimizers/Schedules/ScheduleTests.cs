using KerasNet.Optimizers;
using KerasNet.Optimizers.Schedules;
using NUnit.Framework;
using System.Text.Json.Nodes;

namespace KerasNet.Tests.Optimizers.Schedules;

/// <summary>
/// Each schedule at several steps. Expected values computed with Python (math, float64) by
/// re-implementing keras/src/optimizers/schedules/learning_rate_schedule.py.
/// </summary>
public sealed class ScheduleTests
{
    private static readonly long[] Steps = [0, 1, 5, 10, 15, 25];

    private static void AssertAt(LearningRateSchedule schedule, long[] steps, double[] expected)
    {
        Assert.That(steps.Select(schedule.Call), Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void ExponentialDecay() => AssertAt(new ExponentialDecay(0.1, 10, 0.5), Steps,
        [0.1, 0.09330329915368074, 0.07071067811865477, 0.05, 0.03535533905932738, 0.01767766952966369]);

    [Test]
    public void ExponentialDecayStaircase() => AssertAt(new ExponentialDecay(0.1, 10, 0.5, staircase: true), Steps,
        [0.1, 0.1, 0.1, 0.05, 0.05, 0.025]);

    [Test]
    public void PiecewiseConstantDecayIncludesTheBoundaryInTheEarlierInterval() =>
        AssertAt(new PiecewiseConstantDecay([5, 10], [1.0, 0.5, 0.1]), [0, 4, 5, 6, 10, 11, 100], [1.0, 1.0, 1.0, 0.5, 0.5, 0.1, 0.1]);

    [Test]
    public void PolynomialDecayLinear() => AssertAt(new PolynomialDecay(0.1, 10, 0.01), Steps,
        [0.1, 0.09100000000000001, 0.05500000000000001, 0.01, 0.01, 0.01]);

    [Test]
    public void PolynomialDecayPower() => AssertAt(new PolynomialDecay(0.1, 10, 0.01, power: 2.0), Steps,
        [0.1, 0.0829, 0.0325, 0.01, 0.01, 0.01]);

    [Test]
    public void PolynomialDecayCycle() => AssertAt(new PolynomialDecay(0.1, 10, 0.01, power: 0.5, cycle: true), Steps,
        [0.1, 0.09538149682454625, 0.07363961030678928, 0.01, 0.05500000000000001, 0.04674234614174767]);

    [Test]
    public void PolynomialDecayDefaultsEndAtOneTenThousandth() =>
        AssertAt(new PolynomialDecay(0.1, 10), [10, 20], [0.0001, 0.0001]);

    [Test]
    public void InverseTimeDecay() => AssertAt(new InverseTimeDecay(0.1, 10, 0.5), Steps,
        [0.1, 0.09523809523809523, 0.08, 0.06666666666666667, 0.05714285714285715, 0.044444444444444446]);

    [Test]
    public void InverseTimeDecayStaircase() => AssertAt(new InverseTimeDecay(0.1, 10, 0.5, staircase: true), Steps,
        [0.1, 0.1, 0.1, 0.06666666666666667, 0.06666666666666667, 0.05]);

    [Test]
    public void CosineDecay() => AssertAt(new CosineDecay(0.1, 10), Steps,
        [0.1, 0.09755282581475769, 0.05, 0.0, 0.0, 0.0]);

    [Test]
    public void CosineDecayAlpha() => AssertAt(new CosineDecay(0.1, 10, alpha: 0.2), Steps,
        [0.1, 0.09804226065180616, 0.06000000000000001, 0.020000000000000004, 0.020000000000000004, 0.020000000000000004]);

    [Test]
    public void CosineDecayWarmup() =>
        AssertAt(new CosineDecay(0.0, 10, alpha: 0.1, warmupTarget: 0.2, warmupSteps: 4), [0, 1, 2, 4, 9, 14, 20],
            [0.0, 0.05, 0.1, 0.2, 0.11000000000000001, 0.020000000000000004, 0.020000000000000004]);

    [Test]
    public void CosineDecayWarmupStepsNeedATarget()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new CosineDecay(0.1, 10, warmupSteps: 5));
        Assert.That(e!.Message, Does.Contain("warmupTarget"));
    }

    [Test]
    public void CosineDecayRestartsGeometricPeriods() =>
        AssertAt(new CosineDecayRestarts(0.1, 10), [0, 5, 10, 15, 29, 30, 45],
            [0.1, 0.05, 0.1, 0.08535533905932738, 0.0006155829702431171, 0.1, 0.0691341716182545]);

    [Test]
    public void CosineDecayRestartsMMulAndAlpha() =>
        AssertAt(new CosineDecayRestarts(0.1, 10, tMul: 2.0, mMul: 0.5, alpha: 0.1), [0, 5, 10, 15, 29, 30, 45],
            [0.1, 0.05500000000000001, 0.05500000000000001, 0.04840990257669732, 0.010277012336609404, 0.0325, 0.02555518861410726]);

    [Test]
    public void CosineDecayRestartsEqualPeriods() =>
        AssertAt(new CosineDecayRestarts(0.1, 10, tMul: 1.0, mMul: 0.5), [0, 5, 10, 15, 25], [0.1, 0.05, 0.05, 0.025, 0.0125]);

    [Test]
    public void DecayStepsMustBePositive()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new ExponentialDecay(0.1, 0, 0.5))!.Message, Does.Contain("decaySteps"));
        Assert.Throws<KerasNetException>(() => _ = new InverseTimeDecay(0.1, -1, 0.5));
        Assert.Throws<KerasNetException>(() => _ = new PolynomialDecay(0.1, 0));
        Assert.Throws<KerasNetException>(() => _ = new CosineDecay(0.1, 0));
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new CosineDecayRestarts(0.1, 0))!.Message, Does.Contain("firstDecaySteps"));
    }

    [Test]
    public void PiecewiseConstantDecayChecksItsLists()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => _ = new PiecewiseConstantDecay([5, 10], [1.0, 0.5]))!.Message,
            Does.Contain("2 boundaries and 2 values"));
        Assert.Throws<KerasNetException>(() => _ = new PiecewiseConstantDecay([10, 5], [1.0, 0.5, 0.1]));
    }

    [Test]
    public void ConfigsUseKerasKeys()
    {
        ConfigTests.AssertJson(new PolynomialDecay(0.1, 100, 0.01, 0.5, true).GetConfig(), JsonNode.Parse(
            """{ "initial_learning_rate": 0.1, "decay_steps": 100, "end_learning_rate": 0.01, "power": 0.5, "cycle": true, "name": "PolynomialDecay" }""")!.AsObject());
        ConfigTests.AssertJson(new InverseTimeDecay(0.1, 10, 0.5).GetConfig(), JsonNode.Parse(
            """{ "initial_learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.5, "staircase": false, "name": "InverseTimeDecay" }""")!.AsObject());
        ConfigTests.AssertJson(new PiecewiseConstantDecay([5, 10], [1.0, 0.5, 0.1]).GetConfig(), JsonNode.Parse(
            """{ "boundaries": [5, 10], "values": [1.0, 0.5, 0.1], "name": "PiecewiseConstant" }""")!.AsObject());
        ConfigTests.AssertJson(new CosineDecay(0.1, 10).GetConfig(), JsonNode.Parse(
            """{ "initial_learning_rate": 0.1, "decay_steps": 10, "alpha": 0.0, "name": "CosineDecay", "warmup_target": null, "warmup_steps": 0 }""")!.AsObject());
        ConfigTests.AssertJson(new CosineDecayRestarts(0.1, 10).GetConfig(), JsonNode.Parse(
            """{ "initial_learning_rate": 0.1, "first_decay_steps": 10, "t_mul": 2.0, "m_mul": 1.0, "alpha": 0.0, "name": "SGDRDecay" }""")!.AsObject());
        Assert.That(new PiecewiseConstantDecay([5], [1.0, 0.5]).ClassName, Is.EqualTo("PiecewiseConstantDecay"));
        Assert.That(new CosineDecayRestarts(0.1, 10).ClassName, Is.EqualTo("CosineDecayRestarts"));
    }
}
