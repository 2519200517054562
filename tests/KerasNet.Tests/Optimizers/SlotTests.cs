using KerasNet.Optimizers;
using NUnit.Framework;
using static KerasNet.Tests.Optimizers.OptimizerRun;
using static TorchSharp.torch;

namespace KerasNet.Tests.Optimizers;

/// <summary>
/// Optimizer variables are named and ordered as Keras 3 creates them (add_optimizer_variables
/// interleaves a list of names per variable; separate calls make blocks), which is the order Keras
/// saves and loads them in.
/// </summary>
public sealed class SlotTests
{
    private static string[] BuildPaths(Optimizer optimizer)
    {
        using var kernel = new KerasVariable("kernel", zeros(2, 3), path: "dense/kernel");
        using var bias = new KerasVariable("bias", zeros(3), path: "dense/bias");
        optimizer.Build([kernel, bias]);
        return [.. optimizer.Variables.Select(v => v.Path)];
    }

    [Test]
    public void AdamInterleavesMomentumAndVelocityThenVelocityHats()
    {
        using var opt = new Adam(amsgrad: true);
        Assert.That(BuildPaths(opt), Is.EqualTo(new[]
        {
            "adam/dense_kernel_momentum", "adam/dense_kernel_velocity", "adam/dense_bias_momentum", "adam/dense_bias_velocity",
            "adam/dense_kernel_velocity_hat", "adam/dense_bias_velocity_hat",
        }));
    }

    [Test]
    public void RmspropKeepsBlocksOfVelocityMomentumAverageGradient()
    {
        using var opt = new RMSprop(momentum: 0.9, centered: true);
        Assert.That(BuildPaths(opt), Is.EqualTo(new[]
        {
            "rmsprop/dense_kernel_velocity", "rmsprop/dense_bias_velocity",
            "rmsprop/dense_kernel_momentum", "rmsprop/dense_bias_momentum",
            "rmsprop/dense_kernel_average_gradient", "rmsprop/dense_bias_average_gradient",
        }));
    }

    [Test]
    public void PlainSgdAndRmspropHaveNoMomentumSlots()
    {
        using var sgd = new SGD();
        Assert.That(BuildPaths(sgd), Is.Empty);
        using var rms = new RMSprop();
        Assert.That(BuildPaths(rms), Is.EqualTo(new[] { "rmsprop/dense_kernel_velocity", "rmsprop/dense_bias_velocity" }));
    }

    [Test]
    public void BaseSlotsComeFirstAsBlocks()
    {
        using var opt = new SGD(momentum: 0.9, useEma: true, gradientAccumulationSteps: 2);
        Assert.That(BuildPaths(opt), Is.EqualTo(new[]
        {
            "SGD/dense_kernel_average", "SGD/dense_bias_average",
            "SGD/dense_kernel_gradient_accumulator", "SGD/dense_bias_gradient_accumulator",
            "SGD/dense_kernel_momentum", "SGD/dense_bias_momentum",
        }));
    }

    [Test]
    public void OtherOptimizersNameTheirSlotsAsKeras()
    {
        using var adadelta = new Adadelta();
        Assert.That(BuildPaths(adadelta), Is.EqualTo(new[]
        {
            "adadelta/dense_kernel_accumulated_grad", "adadelta/dense_kernel_accumulated_delta_var",
            "adadelta/dense_bias_accumulated_grad", "adadelta/dense_bias_accumulated_delta_var",
        }));
        using var adamax = new Adamax();
        Assert.That(BuildPaths(adamax), Is.EqualTo(new[]
            { "adamax/dense_kernel_momentum", "adamax/dense_kernel_norm", "adamax/dense_bias_momentum", "adamax/dense_bias_norm" }));
        using var lion = new Lion();
        Assert.That(BuildPaths(lion), Is.EqualTo(new[] { "lion/dense_kernel_momentum", "lion/dense_bias_momentum" }));
        using var nadam = new Nadam();
        Assert.That(BuildPaths(nadam), Is.EqualTo(new[]
        {
            "nadam/dense_kernel_momentum", "nadam/dense_kernel_velocity", "nadam/dense_bias_momentum", "nadam/dense_bias_velocity",
            "nadam/u_product",
        }));
    }

    [Test]
    public void AdagradAccumulatorStartsAtTheInitialValue()
    {
        using var opt = new Adagrad(initialAccumulatorValue: 0.25);
        Assert.That(BuildPaths(opt), Is.EqualTo(new[] { "adagrad/dense_kernel_accumulator", "adagrad/dense_bias_accumulator" }));
        Assert.That(Values(opt.Variables[0]), Is.All.EqualTo(0.25));
    }

    [Test]
    public void AdamSlotsHoldTheMoments()
    {
        // After one step from zero: m = 0.1·g, v = 0.001·g².
        using var opt = new Adam(learningRate: 0.1);
        Steps(opt, G[..1]);
        Assert.That(Values(opt.Variables[0]), Is.EqualTo(G[0].Select(g => 0.1 * g).ToArray()).Within(1e-15));
        Assert.That(Values(opt.Variables[1]), Is.EqualTo(G[0].Select(g => 0.001 * g * g).ToArray()).Within(1e-15));
        Assert.That(opt.Iterations, Is.EqualTo(1));
    }

    [Test]
    public void NadamStoresTheMomentumCacheProduct()
    {
        // Π₂ = 0.9(1 − ½·0.96)·0.9(1 − ½·0.96²)
        using var opt = new Nadam();
        Steps(opt, G[..2]);
        Assert.That(Values(opt.Variables[^1]), Is.EqualTo(new[] { 0.22711104000000001 }).Within(1e-15));
    }

    [Test]
    public void SlotsFollowTheVariableDtype()
    {
        using var opt = new Adam();
        using var w = new KerasVariable("kernel", zeros(2, dtype: ScalarType.Float64), path: "dense/kernel");
        opt.Build([w]);
        opt.Build([w]);
        Assert.That(opt.Variables.Select(v => v.DType), Is.All.EqualTo(ScalarType.Float64));
        Assert.That(opt.Variables, Has.Count.EqualTo(2), "building twice must not add slots");
    }
}
