using KerasNet.Optimizers;
using NUnit.Framework;
using static KerasNet.Tests.Optimizers.OptimizerRun;
using static TorchSharp.torch;

namespace KerasNet.Tests.Optimizers;

/// <summary>
/// Gradient clipping as Keras's <c>_clip_gradients</c> and decoupled weight decay as
/// <c>_apply_weight_decay</c> (<c>w −= w·wd·lr</c> before the step). SGD with lr = 1 makes the
/// clipped gradient directly visible: w_new = 1 − g_clipped.
/// </summary>
public sealed class ClippingAndWeightDecayTests
{
    // Two variables starting at ones; gradients [0.3, 0.4] (norm 0.5) and [0.1] (norm 0.1).
    private static (double[] A, double[] B) StepTwoVariables(Optimizer optimizer, double[]? gradA = null)
    {
        using var a = new KerasVariable("kernel", ones(2, dtype: ScalarType.Float64), path: "dense/kernel");
        using var b = new KerasVariable("bias", ones(1, dtype: ScalarType.Float64), path: "dense/bias");
        using var ga = tensor(gradA ?? [0.3, 0.4], dtype: ScalarType.Float64);
        using var gb = tensor(new[] { 0.1 }, dtype: ScalarType.Float64);
        optimizer.ApplyGradients([ga, gb], [a, b]);
        return (Values(a), Values(b));
    }

    [Test]
    public void ClipnormScalesEachTensorToTheNormOnItsOwn()
    {
        // [0.3, 0.4]·0.25/0.5 = [0.15, 0.2]; [0.1] is under the norm and stays.
        using var opt = new SGD(learningRate: 1.0, clipnorm: 0.25);
        var (a, b) = StepTwoVariables(opt);
        Assert.That(a, Is.EqualTo(new[] { 0.85, 0.8 }).Within(1e-12));
        Assert.That(b, Is.EqualTo(new[] { 0.9 }).Within(1e-12));
    }

    [Test]
    public void ClipnormLeavesSmallGradientsAlone()
    {
        using var opt = new SGD(learningRate: 1.0, clipnorm: 1.0);
        var (a, b) = StepTwoVariables(opt);
        Assert.That(a, Is.EqualTo(new[] { 0.7, 0.6 }).Within(1e-12));
        Assert.That(b, Is.EqualTo(new[] { 0.9 }).Within(1e-12));
    }

    [Test]
    public void GlobalClipnormScalesAllGradientsByOneFactor()
    {
        // Global norm √0.26 = 0.50990…; scale 0.25/0.50990 = 0.490290… applied to both (numpy).
        using var opt = new SGD(learningRate: 1.0, globalClipnorm: 0.25);
        var (a, b) = StepTwoVariables(opt);
        Assert.That(a, Is.EqualTo(new[] { 0.852912898646362, 0.803883864861816 }).Within(1e-12));
        Assert.That(b, Is.EqualTo(new[] { 0.950970966215454 }).Within(1e-12));
    }

    [Test]
    public void GlobalClipnormTurnsANonFiniteNormIntoNaN()
    {
        // Keras adds (norm − norm) to the scale so an infinite norm poisons every gradient.
        using var opt = new SGD(learningRate: 1.0, globalClipnorm: 1.0);
        var (a, b) = StepTwoVariables(opt, [double.PositiveInfinity, 0.4]);
        Assert.That(a.Concat(b), Is.All.NaN);
    }

    [Test]
    public void ClipvalueClampsEachElement()
    {
        using var opt = new SGD(learningRate: 1.0, clipvalue: 0.35);
        var (a, b) = StepTwoVariables(opt);
        Assert.That(a, Is.EqualTo(new[] { 0.7, 0.65 }).Within(1e-12));
        Assert.That(b, Is.EqualTo(new[] { 0.9 }).Within(1e-12));
    }

    [Test]
    public void ClipvalueClampsNegativeGradientsToo()
    {
        using var opt = new SGD(learningRate: 1.0, clipvalue: 0.35);
        var (a, _) = StepTwoVariables(opt, [-0.5, -0.2]);
        Assert.That(a, Is.EqualTo(new[] { 1.35, 1.2 }).Within(1e-12));
    }

    [Test]
    public void OnlyOneClippingModeIsAccepted()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new SGD(clipnorm: 1.0, clipvalue: 0.5));
        Assert.That(e!.Message, Does.Contain("clipnorm").And.Contain("clipvalue").And.Contain("globalClipnorm"));
        Assert.Throws<KerasNetException>(() => _ = new Adam(clipnorm: 1.0, globalClipnorm: 1.0));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void NonPositiveClipThresholdsAreRejected(double value)
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new Adam(clipnorm: value));
        Assert.That(e!.Message, Does.Contain("clipnorm").And.Contain("> 0"));
        Assert.Throws<KerasNetException>(() => _ = new Adam(clipvalue: value));
        Assert.Throws<KerasNetException>(() => _ = new Adam(globalClipnorm: value));
    }

    [Test]
    public void WeightDecayShrinksWeightsBeforeTheStep()
    {
        // w = w − w·0.5·0.1, then w −= 0.1·g (numpy).
        using var opt = new SGD(learningRate: 0.1, weightDecay: 0.5);
        AssertSteps(Steps(opt, G[..2]), [[0.94, -1.88, 0.474999], [0.943, -1.8259999999999998, 0.45125105]]);
    }

    [Test]
    public void WeightDecayUsesTheScheduledLearningRate()
    {
        // ExponentialDecay(0.1, 1, 0.5) gives lr 0.1 then 0.05, used by both the decay and the step.
        using var opt = new SGD(weightDecay: 0.5, schedule: new KerasNet.Optimizers.Schedules.ExponentialDecay(0.1, 1, 0.5));
        AssertSteps(Steps(opt, G[..2]), [[0.94, -1.88, 0.474999], [0.9415, -1.853, 0.46312502499999997]]);
    }

    [Test]
    public void ExcludedVariablesAreNotDecayed()
    {
        // Kernel: 1·(1 − 0.5·1) − 0.3 = 0.2, 1·0.5 − 0.4 = 0.1; bias (excluded by name): 1 − 0.1.
        using var opt = new SGD(learningRate: 1.0, weightDecay: 0.5);
        opt.ExcludeFromWeightDecay(varNames: ["bias"]);
        var (a, b) = StepTwoVariables(opt);
        Assert.That(a, Is.EqualTo(new[] { 0.2, 0.1 }).Within(1e-12));
        Assert.That(b, Is.EqualTo(new[] { 0.9 }).Within(1e-12));
    }

    [Test]
    public void ExcludedByIdentityIsNotDecayed()
    {
        using var opt = new SGD(learningRate: 1.0, weightDecay: 0.5);
        using var a = new KerasVariable("kernel", ones(2, dtype: ScalarType.Float64), path: "dense/kernel");
        using var ga = tensor(new[] { 0.3, 0.4 }, dtype: ScalarType.Float64);
        opt.ExcludeFromWeightDecay(variables: [a]);
        opt.ApplyGradients([ga], [a]);
        Assert.That(Values(a), Is.EqualTo(new[] { 0.7, 0.6 }).Within(1e-12));
    }

    [Test]
    public void ExcludingAfterBuildThrows()
    {
        using var opt = new AdamW();
        StepTwoVariables(opt);
        Assert.Throws<KerasNetException>(() => opt.ExcludeFromWeightDecay(varNames: ["bias"]));
    }

    [Test]
    public void VariablesWithoutGradientAreNeitherDecayedNorUpdated()
    {
        using var opt = new SGD(learningRate: 1.0, weightDecay: 0.5);
        using var a = new KerasVariable("kernel", ones(2, dtype: ScalarType.Float64), path: "dense/kernel");
        using var b = new KerasVariable("bias", ones(1, dtype: ScalarType.Float64), path: "dense/bias");
        using var ga = tensor(new[] { 0.3, 0.4 }, dtype: ScalarType.Float64);
        opt.ApplyGradients([ga, null], [a, b]);
        Assert.That(Values(a), Is.EqualTo(new[] { 0.2, 0.1 }).Within(1e-12));
        Assert.That(Values(b), Is.EqualTo(new[] { 1.0 }));
    }
}
