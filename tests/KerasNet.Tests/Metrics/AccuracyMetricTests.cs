using KerasNet.Metrics;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Metrics;

/// <summary>
/// Accuracy metrics over two batches, after <c>ResetState</c>, and with Keras's docstring examples.
/// Two-batch values from tests/KerasNet.Tests/Reference/keras_losses_metrics.py.
/// </summary>
public class AccuracyMetricTests
{
    [Test]
    public void BinaryAccuracyAccumulatesAndResets()
    {
        using var scope = NewDisposeScope();
        using var m = new BinaryAccuracy();
        m.UpdateState(F(new float[,] { { 1 }, { 1 }, { 0 }, { 0 } }), F(new float[,] { { 0.98f }, { 1 }, { 0 }, { 0.6f } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6)); // Keras docstring
        m.UpdateState(F(new float[,] { { 1 }, { 0 } }), F(new float[,] { { 0.3f }, { 0.2f } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.666666687).Within(1e-6));
        m.ResetState();
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.0));
        m.UpdateState(F(new float[,] { { 1 }, { 1 }, { 0 }, { 0 } }), F(new float[,] { { 0.98f }, { 1 }, { 0 }, { 0.6f } }), F(1f, 0f, 0f, 1f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6)); // Keras docstring, sample_weight=[1, 0, 0, 1]
    }

    [Test]
    public void BinaryAccuracyThresholdAndValidation()
    {
        using var scope = NewDisposeScope();
        using var m = new BinaryAccuracy(threshold: 0.7);
        m.UpdateState(F(1f, 1f, 0f), F(0.75f, 0.65f, 0.1f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(2.0 / 3).Within(1e-6));
        Assert.Throws<KerasNetException>(() => new BinaryAccuracy(threshold: 1.0));
    }

    [Test]
    public void CategoricalAccuracyAccumulatesWeightedBatches()
    {
        using var scope = NewDisposeScope();
        using var m = new CategoricalAccuracy();
        var t = F(new float[,] { { 0, 0, 1 }, { 0, 1, 0 } });
        var p = F(new float[,] { { 0.1f, 0.9f, 0.8f }, { 0.05f, 0.95f, 0 } });
        m.UpdateState(t, p, F(0.7f, 0.3f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.3).Within(1e-6)); // Keras docstring
        m.UpdateState(F(new float[,] { { 1, 0, 0 } }), F(new float[,] { { 0.5f, 0.3f, 0.2f } }), F(2f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.766666651).Within(1e-6));
        m.ResetState();
        m.UpdateState(t, p);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void SparseCategoricalAccuracyTakesLabelsWithOrWithoutTrailingAxis()
    {
        using var scope = NewDisposeScope();
        using var m = new SparseCategoricalAccuracy();
        var p = F(new float[,] { { 0.1f, 0.6f, 0.3f }, { 0.05f, 0.95f, 0 } });
        m.UpdateState(L(new long[,] { { 2 }, { 1 } }), p);
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6)); // Keras docstring
        m.UpdateState(L(0, 2, 1), F(new float[,] { { 0.2f, 0.7f, 0.1f }, { 0.1f, 0.1f, 0.8f }, { 0.3f, 0.4f, 0.3f } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.600000024).Within(1e-6));
        m.ResetState();
        m.UpdateState(F(new float[,] { { 2 }, { 1 } }), p, F(0.7f, 0.3f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.3).Within(1e-6)); // Keras docstring
    }

    [Test]
    public void TopKCategoricalAccuracyCountsTiesAtTheKthScore()
    {
        using var scope = NewDisposeScope();
        using var m = new TopKCategoricalAccuracy(k: 2);
        m.UpdateState(F(new float[,] { { 0, 0, 1, 0 }, { 0, 1, 0, 0 } }), F(new float[,] { { 0.1f, 0.5f, 0.3f, 0.1f }, { 0.05f, 0.15f, 0.3f, 0.5f } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.5).Within(1e-6));
        // Row 1: class 0 ties with two others at the 2nd-highest score 0.4, so it is in the top 2.
        m.UpdateState(F(new float[,] { { 1, 0, 0, 0 }, { 0, 0, 0, 1 } }), F(new float[,] { { 0.4f, 0.4f, 0.4f, 0 }, { 0.1f, 0.2f, 0.3f, 0.4f } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6));
        m.ResetState();
        using var k1 = new TopKCategoricalAccuracy(k: 1);
        k1.UpdateState(F(new float[,] { { 0, 0, 1 }, { 0, 1, 0 } }), F(new float[,] { { 0.1f, 0.9f, 0.8f }, { 0.05f, 0.95f, 0 } }), F(0.7f, 0.3f));
        Assert.That(Scalar(k1.Result()), Is.EqualTo(0.3).Within(1e-6)); // Keras docstring
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.0));
    }

    [Test]
    public void SparseTopKCategoricalAccuracy()
    {
        using var scope = NewDisposeScope();
        using var m = new SparseTopKCategoricalAccuracy(k: 2);
        m.UpdateState(L(2, 1), F(new float[,] { { 0.1f, 0.5f, 0.3f, 0.1f }, { 0.05f, 0.15f, 0.3f, 0.5f } }), F(1f, 3f));
        m.UpdateState(L(new long[,] { { 0 }, { 3 } }), F(new float[,] { { 0.4f, 0.4f, 0.4f, 0 }, { 0.1f, 0.2f, 0.3f, 0.4f } }), F(0.5f, 0.5f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.400000006).Within(1e-6));
        m.ResetState();
        using var k5 = new SparseTopKCategoricalAccuracy(); // k = 5 > 3 classes: every label is in the top 5
        k5.UpdateState(L(2, 1), F(new float[,] { { 0.1f, 0.9f, 0.8f }, { 0.05f, 0.95f, 0 } }));
        Assert.That(Scalar(k5.Result()), Is.EqualTo(1.0));
    }

    [Test]
    public void AccuracyComparesExactValues()
    {
        using var scope = NewDisposeScope();
        using var m = new Accuracy();
        m.UpdateState(F(new float[,] { { 1 }, { 2 }, { 3 }, { 4 } }), F(new float[,] { { 0 }, { 2 }, { 3 }, { 4 } }));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.75).Within(1e-6)); // Keras docstring
    }
}
