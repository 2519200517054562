using KerasNet.Metrics;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Metrics;

/// <summary>
/// AUC against tests/KerasNet.Tests/Reference/keras_losses_metrics.py, which re-implements Keras's
/// bucketed confusion-matrix update and <c>AUC.result</c>/<c>interpolate_pr_auc</c>, and against
/// Keras's docstring example (num_thresholds=3: 0.75, and 1.0 with sample_weight=[1, 0, 0, 1]).
/// </summary>
public class AucTests
{
    private static (Tensor T, Tensor P) A1 => (F(0, 0, 1, 1), F(0f, 0.5f, 0.3f, 0.9f));
    private static (Tensor T, Tensor P) A2 => (F(1, 0, 1, 0, 1), F(0.8f, 0.45f, 0.1f, 0.2f, 0.55f));

    private static double TwoBatches(AUC m)
    {
        m.UpdateState(A1.T, A1.P);
        m.UpdateState(A2.T, A2.P);
        return Scalar(m.Result());
    }

    [Test]
    public void DocstringExampleAndReset()
    {
        using var scope = NewDisposeScope();
        using var m = new AUC(numThresholds: 3);
        m.UpdateState(A1.T, A1.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6));
        m.UpdateState(A2.T, A2.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.800000012).Within(1e-6));
        m.ResetState();
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.0));
        m.UpdateState(A1.T, A1.P, F(1, 0, 0, 1));
        Assert.That(Scalar(m.Result()), Is.EqualTo(1.0).Within(1e-6));
    }

    [TestCase(3, "ROC", "interpolation", 0.800000012)]
    [TestCase(3, "PR", "interpolation", 0.879814982)]
    [TestCase(3, "ROC", "minoring", 0.600000024)]
    [TestCase(3, "ROC", "majoring", 1.0)]
    [TestCase(3, "PR", "minoring", 0.222222224)]
    [TestCase(3, "PR", "majoring", 1.0)]
    [TestCase(200, "ROC", "interpolation", 0.75)]
    [TestCase(200, "PR", "interpolation", 0.846952498)]
    [TestCase(200, "PR", "minoring", 0.634285748)]
    [TestCase(200, "PR", "majoring", 0.858333349)]
    public void CurvesAndSummationMethodsOverTwoBatches(int numThresholds, string curve, string method, double expected)
    {
        using var scope = NewDisposeScope();
        using var m = new AUC(numThresholds: numThresholds, curve: curve, summationMethod: method);
        Assert.That(TwoBatches(m), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void FractionalSampleWeightsInTheBucketedPath()
    {
        using var scope = NewDisposeScope();
        using var roc = new AUC();
        using var pr = new AUC(curve: "PR");
        foreach (var m in new[] { roc, pr })
        {
            m.UpdateState(A1.T, A1.P, F(0.5f, 1.5f, 0.25f, 1f));
            m.UpdateState(A2.T, A2.P, F(1f, 0.3f, 2f, 0.7f, 1f));
        }
        Assert.That(Scalar(roc.Result()), Is.EqualTo(0.653968334).Within(1e-5));
        Assert.That(Scalar(pr.Result()), Is.EqualTo(0.84045279).Within(1e-5));
    }

    [Test]
    public void ExplicitUnevenThresholdsUseTheComparisonPath()
    {
        using var scope = NewDisposeScope();
        using var roc = new AUC(thresholds: [0.7, 0.25, 0.4]);
        using var pr = new AUC(thresholds: [0.25, 0.4, 0.7], curve: "PR");
        Assert.That(roc.NumThresholds, Is.EqualTo(5));
        Assert.That(roc.Thresholds, Is.EqualTo(new[] { -1e-7, 0.25, 0.4, 0.7, 1 + 1e-7 }));
        Assert.That(TwoBatches(roc), Is.EqualTo(0.699999988).Within(1e-6));
        Assert.That(TwoBatches(pr), Is.EqualTo(0.795914769).Within(1e-5));
    }

    [Test]
    public void FromLogitsAppliesASigmoid()
    {
        using var scope = NewDisposeScope();
        using var m = new AUC(fromLogits: true);
        m.UpdateState(A1.T, F(-13.815509796f, 0f, -0.847297788f, 2.197224379f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6));
    }

    private static Tensor MultiT => F(new float[,] { { 0, 1 }, { 1, 1 }, { 0, 0 }, { 1, 0 } });
    private static Tensor MultiP => F(new float[,] { { 0.2f, 0.9f }, { 0.7f, 0.4f }, { 0.3f, 0.6f }, { 0.6f, 0.1f } });

    [Test]
    public void MultiLabelAveragesPerLabelAucs()
    {
        using var scope = NewDisposeScope();
        using var lazy = new AUC(multiLabel: true); // state built from the first batch: labels AUC 1.0 and 0.75
        Assert.Throws<KerasNetException>(() => lazy.Result());
        lazy.UpdateState(MultiT, MultiP);
        Assert.That(Scalar(lazy.Result()), Is.EqualTo(0.875).Within(1e-6));
        using var weighted = new AUC(multiLabel: true, numLabels: 2, labelWeights: [1, 3]);
        weighted.UpdateState(MultiT, MultiP);
        Assert.That(Scalar(weighted.Result()), Is.EqualTo(0.8125).Within(1e-6));
        using var pr = new AUC(multiLabel: true, numLabels: 2, curve: "PR");
        pr.UpdateState(MultiT, MultiP);
        Assert.That(Scalar(pr.Result()), Is.EqualTo(0.898633718).Within(1e-5));
    }

    [Test]
    public void FlattenedMultiLabelDataWithAndWithoutLabelWeights()
    {
        using var scope = NewDisposeScope();
        using var flat = new AUC();
        flat.UpdateState(MultiT, MultiP);
        Assert.That(Scalar(flat.Result()), Is.EqualTo(0.90625).Within(1e-6));
        using var weighted = new AUC(labelWeights: [1, 3]);
        weighted.UpdateState(MultiT, MultiP);
        Assert.That(Scalar(weighted.Result()), Is.EqualTo(0.8359375).Within(1e-6));
    }

    [Test]
    public void InvalidArgumentsRaise()
    {
        Assert.Throws<KerasNetException>(() => new AUC(numThresholds: 1));
        Assert.Throws<KerasNetException>(() => new AUC(curve: "PRGAIN"));
        Assert.Throws<KerasNetException>(() => new AUC(summationMethod: "trapezoid"));
        Assert.Throws<KerasNetException>(() => new AUC(numLabels: 3));
        Assert.Throws<KerasNetException>(() => new AUC(thresholds: [-0.1]));
        using var scope = NewDisposeScope();
        using var weighted = new AUC(labelWeights: [1, 2, 3]);
        Assert.Throws<KerasNetException>(() => weighted.UpdateState(MultiT, MultiP));
    }

    [Test]
    public void ConfigHasKerasKeys()
    {
        Assert.That(new AUC(curve: "pr").GetConfig().ToJsonString(), Is.EqualTo(
            "{\"name\":\"auc\",\"dtype\":\"float32\",\"num_thresholds\":200,\"curve\":\"PR\",\"summation_method\":\"interpolation\",\"multi_label\":false,\"num_labels\":null,\"label_weights\":null,\"from_logits\":false}"));
        Assert.That(new AUC(thresholds: [0.5, 0.2]).GetConfig()["thresholds"]!.ToJsonString(), Is.EqualTo("[0.2,0.5]"));
    }
}
