using KerasNet.Losses;
using KerasNet.Metrics;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;
using MeanAbsoluteError = KerasNet.Metrics.MeanAbsoluteError;
using MeanSquaredError = KerasNet.Metrics.MeanSquaredError;
using CosineSimilarity = KerasNet.Metrics.CosineSimilarity;

namespace KerasNet.Tests.Metrics;

/// <summary>
/// Reduction and regression metrics against Keras's docstring examples and two-batch values from
/// tests/KerasNet.Tests/Reference/keras_losses_metrics.py.
/// </summary>
public class RegressionMetricTests
{
    private static Tensor T1 => F(new float[,] { { 0, 1 }, { 0, 0 } });
    private static Tensor P1 => F(new float[,] { { 1, 1 }, { 0, 0 } });
    private static Tensor T2 => F(new float[,] { { 2f, 0.5f } });
    private static Tensor P2 => F(new float[,] { { 1f, 1.5f } });

    [Test]
    public void MeanAndSumAccumulateValuesAndWeights()
    {
        using var scope = NewDisposeScope();
        using var mean = new Mean();
        using var sum = new Sum();
        mean.UpdateState(F(1, 3, 5, 7));
        sum.UpdateState(F(1, 3, 5, 7));
        Assert.That(Scalar(mean.Result()), Is.EqualTo(4.0)); // Keras docstrings
        Assert.That(Scalar(sum.Result()), Is.EqualTo(16.0));
        mean.UpdateState(F(10), F(2));
        sum.UpdateState(F(new float[,] { { 1, 2 }, { 3, 4 } }), F(1, 0));
        Assert.That(Scalar(mean.Result()), Is.EqualTo((16.0 + 20) / 6).Within(1e-6));
        Assert.That(Scalar(sum.Result()), Is.EqualTo(19.0));
        mean.ResetState();
        sum.ResetState();
        Assert.That(Scalar(mean.Result()), Is.EqualTo(0.0));
        mean.UpdateState(F(1, 3, 5, 7), F(1, 1, 0, 0));
        sum.UpdateState(F(1, 3, 5, 7), F(1, 1, 0, 0));
        Assert.That(Scalar(mean.Result()), Is.EqualTo(2.0)); // Keras docstrings
        Assert.That(Scalar(sum.Result()), Is.EqualTo(4.0));
    }

    [Test]
    public void MeanCountsSamplesOfMultiDimensionalValues()
    {
        using var scope = NewDisposeScope();
        using var mean = new Mean();
        // Per-sample means 1.5 and 3.5 with weights 1 and 3 (weight shape (N, 1) is aligned).
        mean.UpdateState(F(new float[,] { { 1, 2 }, { 3, 4 } }), F(new float[,] { { 1 }, { 3 } }));
        Assert.That(Scalar(mean.Result()), Is.EqualTo((1.5 + 3 * 3.5) / 4).Within(1e-6));
    }

    [Test]
    public void MeanSquaredErrorMetric()
    {
        using var scope = NewDisposeScope();
        using var m = new MeanSquaredError();
        m.UpdateState(T1, P1);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.25).Within(1e-6)); // Keras docstring
        m.UpdateState(T2, P2);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6));
        m.ResetState();
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.0));
    }

    [Test]
    public void MeanAbsoluteErrorMetricWeighted()
    {
        using var scope = NewDisposeScope();
        using var m = new MeanAbsoluteError();
        m.UpdateState(T1, P1, F(1, 0));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6)); // Keras docstring
        m.UpdateState(T2, P2, F(2));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.833333313).Within(1e-6));
        m.ResetState();
        m.UpdateState(T1, P1);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.25).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void RootMeanSquaredError()
    {
        using var scope = NewDisposeScope();
        using var m = new RootMeanSquaredError();
        m.UpdateState(T1, P1);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6)); // Keras docstring
        m.UpdateState(T2, P2);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.707106769).Within(1e-6));
        m.ResetState();
        m.UpdateState(T1, P1, F(1, 0));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.70710677).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void CosineSimilarityMetricIsPositive()
    {
        using var scope = NewDisposeScope();
        using var m = new CosineSimilarity();
        m.UpdateState(F(new float[,] { { 0, 1 }, { 1, 1 } }), F(new float[,] { { 1, 0 }, { 1, 1 } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.49999997).Within(1e-6)); // Keras docstring
        m.UpdateState(F(new float[,] { { 1, 2 } }), F(new float[,] { { 2, 1 } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.599999964).Within(1e-6));
        m.ResetState();
        m.UpdateState(F(new float[,] { { 0, 1 }, { 1, 1 } }), F(new float[,] { { 1, 0 }, { 1, 1 } }), F(0.3f, 0.7f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.6999999).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void LossMetricsAverageTheLossPerSample()
    {
        using var scope = NewDisposeScope();
        using var logCosh = (LossMetric)KerasNet.Metrics.Metrics.Get("log_cosh_error");
        Assert.That((logCosh.Name, logCosh.ClassName), Is.EqualTo(("logcosh", "LogCoshError")));
        logCosh.UpdateState(T1, P1);
        Assert.That(Scalar(logCosh.Result()), Is.EqualTo(0.10844523).Within(1e-6)); // Keras docstring
        logCosh.UpdateState(T2, P2);
        Assert.That(Scalar(logCosh.Result()), Is.EqualTo(0.21689041).Within(1e-6));

        using var hinge = new LossMetric(new Hinge());
        hinge.UpdateState(F(new float[,] { { 0, 1, 1 }, { 1, 0, 0 } }), F(new float[,] { { 0.3f, 0.8f, -0.2f }, { 1.5f, 0.4f, -0.6f } }));
        hinge.UpdateState(F(new float[,] { { 1, 0, 1 } }), F(new float[,] { { 0.5f, -0.5f, 2f } }));
        Assert.That(Scalar(hinge.Result()), Is.EqualTo(0.611111104).Within(1e-6));

        using var bce = new LossMetric(new BinaryCrossentropy());
        bce.UpdateState(T1, F(new float[,] { { 0.6f, 0.4f }, { 0.4f, 0.6f } }), F(1, 0));
        Assert.That(Scalar(bce.Result()), Is.EqualTo(0.9162905).Within(1e-6)); // Keras docstring
        bce.UpdateState(F(new float[,] { { 1, 1 } }), F(new float[,] { { 0.9f, 0.2f } }), F(1));
        Assert.That(Scalar(bce.Result()), Is.EqualTo(0.886844993).Within(1e-6));
        bce.ResetState();
        bce.UpdateState(T1, F(new float[,] { { 0.6f, 0.4f }, { 0.4f, 0.6f } }));
        Assert.That(Scalar(bce.Result()), Is.EqualTo(0.81492424).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void LossMetricsCheckShapesAndReportTheLossArguments()
    {
        using var scope = NewDisposeScope();
        using var m = new LossMetric(new BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.1));
        Assert.Throws<KerasNetException>(() => m.UpdateState(F(new float[2, 3]), F(new float[2, 2])));
        Assert.That(m.GetConfig().ToJsonString(), Is.EqualTo(
            "{\"name\":\"binary_crossentropy\",\"dtype\":\"float32\",\"from_logits\":true,\"label_smoothing\":0.1,\"axis\":-1}"));
    }

    [Test]
    public void MetricsDoNotTrackGradients()
    {
        using var scope = NewDisposeScope();
        using var m = new MeanSquaredError();
        m.UpdateState(T1, P1.requires_grad_(true));
        using var result = m.Result();
        Assert.That(result.requires_grad, Is.False);
    }
}
