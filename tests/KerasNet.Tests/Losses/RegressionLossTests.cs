using NUnit.Framework;
using KerasNet.Losses;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Losses;

/// <summary>
/// Regression losses against values from tests/KerasNet.Tests/Reference/keras_losses_metrics.py
/// (numpy float32 re-implementation of keras/src/losses/losses.py) and Keras's docstring examples.
/// </summary>
public class RegressionLossTests
{
    private static readonly float[,] YTrue = { { 0f, 1f, 2f }, { 3f, -1f, 0.5f } };
    private static readonly float[,] YPred = { { 0.5f, 1.5f, 1f }, { 2f, 0f, 0.25f } };
    private static Tensor Weights => F(0.3f, 0.7f);

    [Test]
    public void MeanSquaredErrorPerSampleAndReduced()
    {
        using var scope = NewDisposeScope();
        var loss = new MeanSquaredError();
        Assert.That(Values(loss.Call(F(YTrue), F(YPred))), Is.EqualTo(new[] { 0.5, 0.6875 }).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(YTrue), F(YPred))), Is.EqualTo(0.59375).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(YTrue), F(YPred), Weights)), Is.EqualTo(0.315625012).Within(1e-6));
    }

    [Test]
    public void MeanSquaredErrorGradientIsTwiceTheErrorOverTheElementCount()
    {
        using var scope = NewDisposeScope();
        var pred = F(YPred).requires_grad_(true);
        new MeanSquaredError().Compute(F(YTrue), pred).backward();
        // d/dŷ mean over 6 elements of (ŷ − y)² = 2(ŷ − y)/6
        var expected = new[] { 0.5, 0.5, -1.0, -1.0, 1.0, -0.25 }.Select(e => 2 * e / 6).ToArray();
        Assert.That(Values(pred.grad!), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void MeanAbsoluteError()
    {
        using var scope = NewDisposeScope();
        var loss = new MeanAbsoluteError();
        Assert.That(Scalar(loss.Compute(F(YTrue), F(YPred))), Is.EqualTo(0.708333373).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(YTrue), F(YPred), Weights)), Is.EqualTo(0.362500012).Within(1e-6));
    }

    [Test]
    public void MeanAbsolutePercentageErrorDividesByTheLabelClippedAtEpsilon()
    {
        using var scope = NewDisposeScope();
        var loss = new MeanAbsolutePercentageError();
        float[,] t = { { 1f, 2f, 4f }, { -2f, 0.5f, 3f } }, p = { { 1.5f, 1f, 5f }, { -1f, 0f, 3.3f } };
        Assert.That(Scalar(loss.Compute(F(t), F(p))), Is.EqualTo(47.5).Within(1e-4));
        Assert.That(Scalar(loss.Compute(F(t), F(p), Weights)), Is.EqualTo(24.916667938).Within(1e-4));
        // A zero label divides by 1e-7: 100 · (0.5/1e-7 + 1/2) / 2
        Assert.That(Scalar(loss.Compute(F(new float[,] { { 0f, 2f } }), F(new float[,] { { 0.5f, 1f } }))),
            Is.EqualTo(2.50000032e+08).Within(1e-4).Percent);
    }

    [Test]
    public void MeanSquaredLogarithmicErrorClipsNegativesToEpsilon()
    {
        using var scope = NewDisposeScope();
        var loss = new MeanSquaredLogarithmicError();
        float[,] t = { { 0f, 1f, 2f }, { 3f, 0.5f, 0f } }, p = { { 0.5f, -1f, 1f }, { 2f, 0f, 0.25f } };
        Assert.That(Scalar(loss.Compute(F(t), F(p))), Is.EqualTo(0.184368759).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(t), F(p), Weights)), Is.EqualTo(0.075107679).Within(1e-6));
    }

    private static readonly float[,] HT = { { 0f, 1f, 2f }, { 3f, -1f, 0.5f } };
    private static readonly float[,] HP = { { 0.5f, 2.5f, 1f }, { 0.2f, 0f, 0.25f } };

    [Test]
    public void HuberIsQuadraticInsideDeltaAndLinearOutside()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new Huber().Compute(F(HT), F(HP))), Is.EqualTo(0.742708325).Within(1e-6));
        Assert.That(Scalar(new Huber().Compute(F(HT), F(HP), Weights)), Is.EqualTo(0.411562502).Within(1e-6));
        Assert.That(Scalar(new Huber(delta: 0.5).Compute(F(HT), F(HP))), Is.EqualTo(0.467708319).Within(1e-6));
        // Keras docstring: huber([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]) = 0.155
        Assert.That(Scalar(new Huber().Compute(F(new float[,] { { 0, 1 }, { 0, 0 } }), F(new float[,] { { 0.6f, 0.4f }, { 0.4f, 0.6f } }))),
            Is.EqualTo(0.155).Within(1e-6));
    }

    [Test]
    public void LogCosh()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new LogCosh().Compute(F(HT), F(HP))), Is.EqualTo(0.664098382).Within(1e-6));
        Assert.That(Scalar(new LogCosh().Compute(F(HT), F(HP), Weights)), Is.EqualTo(0.370913148).Within(1e-6));
        // Stable for large errors: log(cosh(100)) = 100 − log 2 (a naive cosh would overflow float32).
        Assert.That(Scalar(new LogCosh().Compute(F(new float[,] { { 0f } }), F(new float[,] { { 100f } }))),
            Is.EqualTo(100 - Math.Log(2)).Within(1e-4));
    }

    [Test]
    public void PoissonAndKLDivergence()
    {
        using var scope = NewDisposeScope();
        float[,] pt = { { 1f, 0f, 3f }, { 0.5f, 2f, 0f } }, pp = { { 0.5f, 0.2f, 2f }, { 1f, 1.5f, 0.1f } };
        Assert.That(Scalar(new Poisson().Compute(F(pt), F(pp))), Is.EqualTo(0.517129183).Within(1e-6));
        Assert.That(Scalar(new Poisson().Compute(F(pt), F(pp), Weights)), Is.EqualTo(0.274410069).Within(1e-6));
        float[,] kt = { { 0, 1 }, { 0, 0 } }, kp = { { 0.6f, 0.4f }, { 0.4f, 0.6f } };
        Assert.That(Scalar(new KLDivergence().Compute(F(kt), F(kp))), Is.EqualTo(0.458143055).Within(1e-6));
        Assert.That(Scalar(new KLDivergence().Compute(F(kt), F(kp), F(1f, 0f))), Is.EqualTo(0.458144605).Within(1e-6));
    }

    [Test]
    public void CosineSimilarityIsNegativeAndZeroForOrthogonalVectors()
    {
        using var scope = NewDisposeScope();
        var loss = new CosineSimilarity();
        // Keras docstring: [-0., -0.99999994, 0.99999994]
        var docs = loss.Call(F(new float[,] { { 0, 1 }, { 1, 1 }, { 1, 1 } }), F(new float[,] { { 1, 0 }, { 1, 1 }, { -1, -1 } }));
        Assert.That(Values(docs), Is.EqualTo(new[] { 0.0, -0.99999994, 0.99999994 }).Within(1e-6));
        float[,] t = { { 1f, 2f, 2f }, { 0f, 3f, 4f } }, p = { { 2f, 1f, 2f }, { 1f, 1f, 1f } };
        Assert.That(Scalar(loss.Compute(F(t), F(p))), Is.EqualTo(-0.848589659).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(t), F(p), Weights)), Is.EqualTo(-0.41623497).Within(1e-6));
        // A zero vector gives 0, not NaN.
        Assert.That(Values(loss.Call(F(new float[,] { { 0, 0 } }), F(new float[,] { { 1, 2 } }))), Is.EqualTo(new[] { 0.0 }));
    }

    [Test]
    public void CosineSimilarityAlongAnotherAxis()
    {
        using var scope = NewDisposeScope();
        // Along axis 0 the columns are compared: ([1,0]·[1,1])/√2 and ([0,1]·[0,1]) = 1.
        var values = new CosineSimilarity(axis: 0).Call(F(new float[,] { { 1, 0 }, { 0, 1 } }), F(new float[,] { { 1, 0 }, { 1, 1 } }));
        Assert.That(Values(values), Is.EqualTo(new[] { -1 / Math.Sqrt(2), -1.0 }).Within(1e-6));
    }

    [Test]
    public void LabelsOfShapeNAgainstPredictionsOfShapeNByOneAreAligned()
    {
        using var scope = NewDisposeScope();
        // Keras's loss wrapper expands (N,) labels to (N, 1): mean((y − ŷ)²) over 3 samples.
        var loss = new MeanSquaredError();
        Assert.That(Scalar(loss.Compute(F(1f, 2f, 3f), F(new float[,] { { 1.5f }, { 2f }, { 1f } }))), Is.EqualTo((0.25 + 0 + 4) / 3).Within(1e-6));
    }

    [Test]
    public void MismatchedShapesRaise()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<KerasNetException>(() => new MeanSquaredError().Compute(F(new float[2, 3]), F(new float[2, 4])));
        Assert.That(ex!.Message, Does.Contain("mean_squared_error").And.Contain("(2, 3)").And.Contain("(2, 4)"));
        Assert.Throws<KerasNetException>(() => new Huber().Compute(F(1f, 2f), F(new float[,] { { 1f, 2f } })));
    }
}
