using KerasNet.Optimizers;
using NUnit.Framework;
using static KerasNet.Tests.Optimizers.OptimizerRun;

namespace KerasNet.Tests.Optimizers;

/// <summary>
/// Each optimizer against Keras 3's update rules over three steps. Expected weights were computed with
/// numpy in float64 by re-implementing keras/src/optimizers/&lt;name&gt;.py (update_step, with t = iterations + 1);
/// the variables are float64 so the comparison is tight enough to see every ε and bias correction.
/// W0 = [1, −2, 0.5]; G = [[0.1, −0.2, 1e-5], [−0.5, 0.4, −2e-5], [0.2, 0.2, 3e-5]].
/// </summary>
public sealed class UpdateRuleTests
{
    [Test]
    public void SgdPlainSubtractsLrTimesGradient()
    {
        using var opt = new SGD(learningRate: 0.1);
        AssertSteps(Steps(opt, G), [[0.99, -1.98, 0.499999], [1.04, -2.02, 0.500001], [1.02, -2.04, 0.49999800000000005]]);
    }

    [Test]
    public void SgdMomentumFoldsLrIntoTheBuffer()
    {
        // m = 0.9m − lr·g; w += m
        using var opt = new SGD(learningRate: 0.1, momentum: 0.9);
        AssertSteps(Steps(opt, G),
            [[0.99, -1.98, 0.499999], [1.031, -2.002, 0.5000001000000001], [1.0478999999999998, -2.0418, 0.49999809000000006]]);
    }

    [Test]
    public void SgdNesterovAddsMomentumOfTheNewBuffer()
    {
        // m = 0.9m − lr·g; w += 0.9m − lr·g
        using var opt = new SGD(learningRate: 0.1, momentum: 0.9, nesterov: true);
        AssertSteps(Steps(opt, G),
            [[0.981, -1.962, 0.4999981], [1.0679, -2.0218, 0.50000109], [1.06311, -2.07762, 0.49999628100000004]]);
    }

    [Test]
    public void AdamAddsEpsilonToTheUncorrectedRoot()
    {
        using var opt = new Adam(learningRate: 0.1);
        AssertSteps(Steps(opt, G),
        [
            [0.9000031621776634, -1.9000015811138304, 0.4240253073352042],
            [0.9598382093008055, -1.9366116749190676, 0.4560992639343465],
            [0.9795575883451514, -1.9885354212064648, 0.42445053496136376],
        ]);
    }

    [Test]
    public void AdamRunsInFloat32()
    {
        using var opt = new Adam(learningRate: 0.1);
        AssertSteps(Steps(opt, G, dtype: TorchSharp.torch.ScalarType.Float32),
        [
            [0.9000031621776634, -1.9000015811138304, 0.4240253073352042],
            [0.9598382093008055, -1.9366116749190676, 0.4560992639343465],
            [0.9795575883451514, -1.9885354212064648, 0.42445053496136376],
        ], tolerance: 2e-6);
    }

    // Gradients whose first component shrinks so that v decreases and AMSGrad's max(v̂, v) matters.
    private static readonly double[][] ShrinkingGradients = [[0.5, -0.2, 1e-5], [0.01, 0.4, -2e-5], [0.02, 0.01, 3e-5]];

    [Test]
    public void AmsgradDividesByTheRunningMaximumOfV()
    {
        using var opt = new Adam(learningRate: 0.1, amsgrad: true);
        AssertSteps(Steps(opt, ShrinkingGradients),
        [
            [0.9000006324515321, -1.9000015811138304, 0.4240253073352042],
            [0.8315404776634059, -1.9366116749190676, 0.4560992639343465],
            [0.7760918245582822, -1.9663257935396605, 0.42445053496136376],
        ]);
        // Plain Adam on the same gradients differs (0.8315199… after step 2), so the test sees v̂.
        using var plain = new Adam(learningRate: 0.1);
        Assert.That(Steps(plain, ShrinkingGradients)[1][0], Is.EqualTo(0.8315199305002158).Within(1e-12));
    }

    [Test]
    public void AdamWDecaysWithKerasDefaultWeightDecay()
    {
        // w −= w·0.004·lr, then the Adam step.
        using var opt = new AdamW(learningRate: 0.1);
        AssertSteps(Steps(opt, G),
        [
            [0.8996031621776635, -1.8992015811138305, 0.42382530733520424],
            [0.9590783680359345, -1.9350519942866222, 0.45572973381141246],
            [0.9784141157330659, -1.9862017197763047, 0.4238987129449051],
        ]);
    }

    [Test]
    public void RmspropPutsEpsilonInsideTheRoot()
    {
        using var opt = new RMSprop(learningRate: 0.01);
        AssertSteps(Steps(opt, G),
        [
            [0.9683788044185707, -1.9683776186756123, 0.49968378804418573],
            [0.9994472327410278, -1.9969489743610225, 0.5003160886815355],
            [0.9873449205867246, -2.0105446365141004, 0.49936804083660075],
        ]);
    }

    [Test]
    public void RmspropMomentumAccumulatesIncrements()
    {
        using var opt = new RMSprop(learningRate: 0.01, momentum: 0.5);
        AssertSteps(Steps(opt, G),
        [
            [0.9683788044185707, -1.9683776186756123, 0.49968378804418573],
            [0.9836366349503132, -1.9811377836988286, 0.5001579827036284],
            [0.9791632380618813, -2.001113528363515, 0.499447032188415],
        ]);
    }

    [Test]
    public void RmspropCenteredSubtractsTheSquaredMeanGradient()
    {
        using var opt = new RMSprop(learningRate: 0.01, centered: true);
        AssertSteps(Steps(opt, G),
        [
            [0.9666685183642119, -1.9666671296199847, 0.49968378646327216],
            [0.9987970593665317, -1.9955979230552618, 0.5003160909242019],
            [0.9866309632768144, -2.009720280045849, 0.49936802395329505],
        ]);
    }

    [Test]
    public void RmspropCenteredWithMomentum()
    {
        using var opt = new RMSprop(learningRate: 0.01, momentum: 0.5, centered: true);
        AssertSteps(Steps(opt, G),
        [
            [0.9666685183642119, -1.9666671296199847, 0.49968378646327216],
            [0.9821313185486377, -1.9789314878652544, 0.500157984155838],
            [0.9776966225511332, -1.9991860239784762, 0.4994470160312141],
        ]);
    }

    [Test]
    public void AdagradStartsTheAccumulatorAtPointOne()
    {
        using var opt = new Adagrad(learningRate: 0.1);
        AssertSteps(Steps(opt, G),
        [
            [0.9698488792472754, -1.9465477707075935, 0.49999683772392256],
            [1.053182201006537, -2.0195774328700065, 0.5000031622760648],
            [1.0215594283576996, -2.0538771448544333, 0.4999936754478941],
        ]);
    }

    [Test]
    public void AdadeltaScalesByTheRatioOfRunningRoots()
    {
        using var opt = new Adadelta(learningRate: 1.0);
        AssertSteps(Steps(opt, G),
        [
            [0.9985859278377734, -1.9985858217916401, 0.49999000024999063],
            [1.0005488719457618, -2.000383656539246, 0.5000099982753569],
            [0.9995085310774443, -2.0015019984767473, 0.49998000483658256],
        ]);
    }

    [Test]
    public void AdamaxUsesTheWeightedInfinityNorm()
    {
        using var opt = new Adamax(learningRate: 0.1);
        AssertSteps(Steps(opt, G),
        [
            [0.9000000999999, -1.900000049999975, 0.400990099009901],
            [0.943157986105165, -1.9289474111841873, 0.42979345067263997],
            [0.9556427931384841, -1.9657000217652874, 0.40515234047416254],
        ]);
    }

    [Test]
    public void NadamFollowsKerasMomentumCacheSchedule()
    {
        using var opt = new Nadam(learningRate: 0.1);
        AssertSteps(Steps(opt, G),
        [
            [0.893721325947797, -1.8937212728084865, 0.39477348482091384],
            [0.992492846313208, -1.9818878188670956, 0.4823860314972631],
            [0.9598778482777872, -2.029385287598744, 0.39959686191409777],
        ]);
    }

    [Test]
    public void NadamRebuildsTheMomentumCacheProductAfterIterationsJump()
    {
        // Iterations restored to 5 (fresh slots): the product must cover u₁…u₆ at the next step.
        using var opt = new Nadam(learningRate: 0.1) { Iterations = 5 };
        AssertSteps(Steps(opt, G[..2]),
        [
            [0.8735429985345462, -1.8735428438506312, 0.3765625012281169],
            [1.0004481113303685, -1.9856157572025843, 0.4873267339027293],
        ]);
    }

    [Test]
    public void LionStepsBySignOfTheInterpolation()
    {
        using var opt = new Lion(learningRate: 0.1);
        AssertSteps(Steps(opt, G), [[0.9, -1.9, 0.4], [1.0, -2.0, 0.5], [0.9, -2.1, 0.4]]);
    }
}
