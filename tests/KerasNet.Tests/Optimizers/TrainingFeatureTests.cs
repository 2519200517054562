using KerasNet.Optimizers;
using KerasNet.Optimizers.Schedules;
using NUnit.Framework;
using static KerasNet.Tests.Optimizers.OptimizerRun;
using static TorchSharp.torch;

namespace KerasNet.Tests.Optimizers;

/// <summary>
/// Loss-scale unscaling, gradient accumulation and weight EMA as Keras's base optimizer does them
/// (keras/src/optimizers/base_optimizer.py: apply, _backend_apply_gradients,
/// _update_model_variables_moving_average). Expected values from numpy re-implementations.
/// </summary>
public sealed class TrainingFeatureTests
{
    [Test]
    public void LossScaleFactorDividesGradients()
    {
        using var opt = new SGD(learningRate: 0.1, lossScaleFactor: 4.0);
        AssertSteps(Steps(opt, G[..1]), [[0.9975, -1.995, 0.49999975]]);
    }

    [Test]
    public void GradientAccumulationAppliesTheMeanEveryNCalls()
    {
        using var opt = new SGD(learningRate: 0.1, gradientAccumulationSteps: 2);
        var steps = Steps(opt, G[..2]);
        AssertSteps(steps, [W0, [1.02, -2.01, 0.5000005]]);
        Assert.That((opt.Iterations, opt.RawIterations), Is.EqualTo((1L, 2L)));
    }

    [Test]
    public void GradientAccumulationCountsBiasCorrectionInUpdates()
    {
        // Adam on means of pairs of gradients with t = 1 then 2; weights unchanged between updates.
        using var opt = new Adam(learningRate: 0.1, gradientAccumulationSteps: 2);
        AssertSteps(Steps(opt, [.. G, [0.05, -0.1, 1e-5]]),
        [
            W0,
            [1.0999984188861696, -2.099996837822337, 0.5612574113277207],
            [1.0999984188861696, -2.099996837822337, 0.5612574113277207],
            [1.1173576648011132, -2.1932121641206592, 0.5127482469315549],
        ]);
    }

    [Test]
    public void GradientAccumulationEvaluatesTheScheduleAtTheRawIteration()
    {
        // Keras evaluates the schedule at the call counter: at the update (call 2) step = 1 > 0 → lr 0.1.
        using var opt = new SGD(gradientAccumulationSteps: 2, schedule: new PiecewiseConstantDecay([0], [1.0, 0.1]));
        AssertSteps(Steps(opt, G[..2]), [W0, [1.02, -2.01, 0.5000005]]);
    }

    [Test]
    public void GradientAccumulationNeedsAtLeastTwoSteps()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new Adam(gradientAccumulationSteps: 1));
        Assert.That(e!.Message, Does.Contain("gradientAccumulationSteps"));
    }

    [Test]
    public void EmaAveragesWeightsAfterEachUpdate()
    {
        // The first average is the weights themselves; then avg = 0.5·avg + 0.5·w.
        using var opt = new SGD(learningRate: 0.1, useEma: true, emaMomentum: 0.5);
        using var w = new KerasVariable("kernel", tensor(W0), path: "dense/kernel");
        double[][] expectedAverages = [[0.99, -1.98, 0.499999], [1.0150000000000001, -2.0, 0.5], [1.0175, -2.02, 0.499999]];
        for (int s = 0; s < 3; s++)
        {
            using var g = tensor(G[s]);
            opt.ApplyGradients([g], [w]);
            Assert.That(Values(opt.Variables[0]), Is.EqualTo(expectedAverages[s]).Within(1e-12), $"average after step {s + 1}");
        }
        Assert.That(Values(w), Is.EqualTo(new[] { 1.02, -2.04, 0.49999800000000005 }).Within(1e-12));
        opt.FinalizeVariableValues([w]);
        Assert.That(Values(w), Is.EqualTo(expectedAverages[2]).Within(1e-12));
    }

    [Test]
    public void EmaOverwriteFrequencyCopiesTheAverageIntoTheWeights()
    {
        using var opt = new SGD(learningRate: 0.1, useEma: true, emaMomentum: 0.5, emaOverwriteFrequency: 2);
        AssertSteps(Steps(opt, G),
            [[0.99, -1.98, 0.499999], [1.0150000000000001, -2.0, 0.5], [0.9950000000000001, -2.02, 0.499997]]);
    }

    [Test]
    public void EmaArgumentsWithoutUseEmaAreRejected()
    {
        Assert.Throws<KerasNetException>(() => _ = new Adam(emaOverwriteFrequency: 10));
        Assert.Throws<KerasNetException>(() => _ = new Adam(emaMomentum: 0.9));
        Assert.Throws<KerasNetException>(() => _ = new Adam(useEma: true, emaMomentum: 1.5));
    }

    [Test]
    public void FinalizeWithoutEmaLeavesWeightsAlone()
    {
        using var opt = new SGD(learningRate: 0.1);
        using var w = new KerasVariable("kernel", tensor(W0), path: "dense/kernel");
        using var g = tensor(G[0]);
        opt.ApplyGradients([g], [w]);
        opt.FinalizeVariableValues([w]);
        Assert.That(Values(w), Is.EqualTo(new[] { 0.99, -1.98, 0.499999 }).Within(1e-12));
    }
}
