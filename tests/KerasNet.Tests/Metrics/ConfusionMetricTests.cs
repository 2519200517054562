using KerasNet.Metrics;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Metrics;

/// <summary>
/// Precision and Recall over two batches against tests/KerasNet.Tests/Reference/keras_losses_metrics.py
/// (Keras's <c>update_confusion_matrix_variables</c> re-implemented) and Keras's docstring examples.
/// </summary>
public class ConfusionMetricTests
{
    private static (Tensor T, Tensor P) Batch1 => (F(0, 1, 1, 1), F(1, 0, 1, 1));
    private static (Tensor T, Tensor P) Batch2 => (F(1, 0, 1), F(0.7f, 0.2f, 0.4f));

    [Test]
    public void PrecisionAccumulatesAndResets()
    {
        using var scope = NewDisposeScope();
        using var m = new Precision();
        m.UpdateState(Batch1.T, Batch1.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(2.0 / 3).Within(1e-6)); // Keras docstring: 0.6666667
        m.UpdateState(Batch2.T, Batch2.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6));
        m.ResetState();
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.0));
        m.UpdateState(Batch1.T, Batch1.P, F(0, 0, 1, 0));
        Assert.That(Scalar(m.Result()), Is.EqualTo(1.0)); // Keras docstring
    }

    [Test]
    public void RecallAccumulatesAndResets()
    {
        using var scope = NewDisposeScope();
        using var m = new Recall();
        m.UpdateState(Batch1.T, Batch1.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(2.0 / 3).Within(1e-6)); // Keras docstring
        m.UpdateState(Batch2.T, Batch2.P);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.600000024).Within(1e-6));
        m.ResetState();
        m.UpdateState(Batch1.T, Batch1.P, F(0, 0, 1, 0));
        Assert.That(Scalar(m.Result()), Is.EqualTo(1.0)); // Keras docstring
    }

    [Test]
    public void WeightedBatches()
    {
        using var scope = NewDisposeScope();
        using var p = new Precision();
        using var r = new Recall();
        foreach (var m in new Metric[] { p, r })
        {
            m.UpdateState(Batch1.T, Batch1.P, F(1, 2, 0, 1));
            m.UpdateState(Batch2.T, Batch2.P, F(0.5f, 1, 1));
        }
        Assert.That(Scalar(p.Result()), Is.EqualTo(0.600000024).Within(1e-6));
        Assert.That(Scalar(r.Result()), Is.EqualTo(0.333333343).Within(1e-6));
    }

    [Test]
    public void SeveralThresholdsGiveOneValueEachIncludingTheEvenlySpacedBucketPath()
    {
        using var scope = NewDisposeScope();
        // [0, 0.5, 1] is evenly spaced, so Keras (and KerasNet) use the bucketed update; 0, 0.5 and 1
        // sit exactly on bucket edges and must not count as above their own threshold.
        using var p = new Precision(thresholds: [0.0, 0.5, 1.0]);
        using var r = new Recall(thresholds: [0.0, 0.5, 1.0]);
        foreach (var m in new Metric[] { p, r })
        {
            m.UpdateState(F(0, 1, 1, 0), F(0f, 0.5f, 0.7f, 1f));
            m.UpdateState(F(1, 1, 0), F(1f, 0.2f, 0.6f));
        }
        Assert.That(Values(p.Result()), Is.EqualTo(new[] { 0.666666687, 0.5, 0.0 }).Within(1e-6));
        Assert.That(Values(r.Result()), Is.EqualTo(new[] { 1.0, 0.5, 0.0 }).Within(1e-6));
    }

    [Test]
    public void TopKCountsOnlyTheKHighestPredictionsAsPositive()
    {
        using var scope = NewDisposeScope();
        using var p = new Precision(topK: 2);
        using var r = new Recall(topK: 2);
        foreach (var m in new Metric[] { p, r })
        {
            m.UpdateState(F(new float[,] { { 0, 1, 1, 0 }, { 1, 0, 0, 1 } }), F(new float[,] { { 0.9f, 0.8f, 0.3f, 0.2f }, { 0.1f, 0.7f, 0.6f, 0.5f } }));
            m.UpdateState(F(new float[,] { { 0, 0, 1, 1 } }), F(new float[,] { { 0.4f, 0.1f, 0.35f, 0.3f } }));
        }
        Assert.That(Scalar(p.Result()), Is.EqualTo(0.333333343).Within(1e-6));
        Assert.That(Scalar(r.Result()), Is.EqualTo(0.333333343).Within(1e-6));
        using var docs = new Precision(topK: 2);
        docs.UpdateState(F(0, 0, 1, 1), F(0.9f, 0.8f, 0.7f, 0.6f)); // top 2 are both negatives
        Assert.That(Scalar(docs.Result()), Is.EqualTo(0.0));
    }

    [Test]
    public void ClassIdRestrictsToOneColumn()
    {
        using var scope = NewDisposeScope();
        using var p = new Precision(classId: 1);
        using var r = new Recall(classId: 1);
        foreach (var m in new Metric[] { p, r })
        {
            m.UpdateState(F(new float[,] { { 0, 1, 1, 0 }, { 1, 0, 0, 1 } }), F(new float[,] { { 0.9f, 0.8f, 0.3f, 0.2f }, { 0.1f, 0.7f, 0.6f, 0.5f } }));
            m.UpdateState(F(new float[,] { { 0, 0, 1, 1 } }), F(new float[,] { { 0.4f, 0.1f, 0.35f, 0.3f } }));
        }
        Assert.That(Scalar(p.Result()), Is.EqualTo(0.5).Within(1e-6));
        Assert.That(Scalar(r.Result()), Is.EqualTo(1.0).Within(1e-6));
        Assert.Throws<KerasNetException>(() => new Precision(classId: 7).UpdateState(F(new float[2, 3]), F(new float[2, 3])));
        Assert.Throws<KerasNetException>(() => new Recall(classId: 0).UpdateState(F(1f, 0f), F(0.2f, 0.4f)));
    }

    [Test]
    public void ThresholdsOutsideZeroOneRaise()
    {
        var ex = Assert.Throws<KerasNetException>(() => new Precision(thresholds: [0.5, 1.5]));
        Assert.That(ex!.Message, Does.Contain("precision").And.Contain("1.5"));
    }

    [Test]
    public void ConfigHasKerasKeys()
    {
        Assert.That(new Recall(thresholds: [0.3, 0.6], classId: 2).GetConfig().ToJsonString(),
            Is.EqualTo("{\"name\":\"recall\",\"dtype\":\"float32\",\"thresholds\":[0.3,0.6],\"top_k\":null,\"class_id\":2}"));
    }
}
