using NUnit.Framework;
using KerasNet.Losses;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Losses;

/// <summary>
/// The base <see cref="Loss.Compute"/> against Keras's <c>reduce_weighted_values</c> (loss.py), with
/// values from tests/KerasNet.Tests/Reference/keras_losses_metrics.py. Per-sample MSE here is
/// [0.5, 0.6875].
/// </summary>
public class LossReductionTests
{
    private static Tensor YTrue => F(new float[,] { { 0f, 1f, 2f }, { 3f, -1f, 0.5f } });
    private static Tensor YPred => F(new float[,] { { 0.5f, 1.5f, 1f }, { 2f, 0f, 0.25f } });

    [TestCase("sum_over_batch_size", 0.59375)]
    [TestCase("mean", 0.59375)]
    [TestCase("sum", 1.1875)]
    [TestCase("mean_with_sample_weight", 0.59375)]
    public void UnweightedReductions(string reduction, double expected)
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new MeanSquaredError(reduction).Compute(YTrue, YPred)), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void NoneKeepsPerSampleValuesWeighted()
    {
        using var scope = NewDisposeScope();
        var loss = new MeanSquaredError("none");
        Assert.That(Values(loss.Compute(YTrue, YPred)), Is.EqualTo(new[] { 0.5, 0.6875 }).Within(1e-6));
        Assert.That(Values(loss.Compute(YTrue, YPred, F(0.3f, 0.7f))), Is.EqualTo(new[] { 0.15, 0.48125 }).Within(1e-6));
    }

    [Test]
    public void SumOverBatchSizeDividesByElementsNotByWeightSum()
    {
        using var scope = NewDisposeScope();
        // (0.3·0.5 + 0.7·0.6875) / 2, where mean_with_sample_weight divides by 0.3 + 0.7 = 1 … and by 0.5 for halved weights.
        Assert.That(Scalar(new MeanSquaredError().Compute(YTrue, YPred, F(0.3f, 0.7f))), Is.EqualTo(0.315625012).Within(1e-6));
        Assert.That(Scalar(new MeanSquaredError("mean_with_sample_weight").Compute(YTrue, YPred, F(0.3f, 0.7f))), Is.EqualTo(0.631250024).Within(1e-6));
        Assert.That(Scalar(new MeanSquaredError("mean_with_sample_weight").Compute(YTrue, YPred, F(0.15f, 0.35f))), Is.EqualTo(0.631250024).Within(1e-6));
        Assert.That(Scalar(new MeanSquaredError("mean_with_sample_weight").Compute(YTrue, YPred, F(0f, 0f))), Is.EqualTo(0.0));
    }

    [Test]
    public void SampleWeightOfShapeNByOneIsAligned()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new MeanSquaredError().Compute(YTrue, YPred, F(new float[,] { { 0.3f }, { 0.7f } }))), Is.EqualTo(0.315625012).Within(1e-6));
    }

    [Test]
    public void PerStepAndPerSampleWeightsOnSequenceValues()
    {
        using var scope = NewDisposeScope();
        // (N, T, 1) targets give per-step values [[0.25, 1], [4, 0.0625]].
        var t = F(new float[2, 2, 1]);
        var p = F(new float[,,] { { { 0.5f }, { 1f } }, { { 2f }, { 0.25f } } });
        var loss = new MeanSquaredError();
        Assert.That(Scalar(loss.Compute(t, p, F(new float[,] { { 1, 0 }, { 1, 1 } }))), Is.EqualTo(1.078125).Within(1e-6));
        // A per-sample weight applies to every step of that sample: (2·0.25 + 2·1) / 4.
        Assert.That(Scalar(loss.Compute(t, p, F(2f, 0f))), Is.EqualTo(0.625).Within(1e-6));
    }

    [Test]
    public void MaskAveragesOverValidEntriesOnly()
    {
        using var scope = NewDisposeScope();
        // (N, T, 1) targets: per-step squared errors [[0.25, 0.25, 1], [1, 1, 0.0625]].
        var t = YTrue.unsqueeze(-1);
        var p = YPred.unsqueeze(-1);
        var mask = tensor(new[,] { { true, false, true }, { true, true, false } });
        Assert.That(Scalar(new MeanSquaredError().Compute(t, p, mask: mask)), Is.EqualTo(0.8125).Within(1e-6));
        Assert.That(Scalar(new MeanSquaredError("sum").Compute(t, p, F(new float[,] { { 2, 2, 2 }, { 1, 1, 1 } }), mask)), Is.EqualTo(4.5).Within(1e-6));
        // mean_with_sample_weight with only a mask divides by the number of valid entries.
        Assert.That(Scalar(new MeanSquaredError("mean_with_sample_weight").Compute(t, p, mask: mask)), Is.EqualTo(0.8125).Within(1e-6));
    }

    [Test]
    public void UnknownReductionRaises()
    {
        var ex = Assert.Throws<KerasNetException>(() => new MeanSquaredError("auto"));
        Assert.That(ex!.Message, Does.Contain("auto").And.Contain("sum_over_batch_size"));
    }
}
