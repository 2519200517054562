using NUnit.Framework;
using KerasNet.Losses;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Losses;

/// <summary>
/// Crossentropies against Keras's docstring examples and values from
/// tests/KerasNet.Tests/Reference/keras_losses_metrics.py (numpy float32 re-implementation of Keras's
/// formulas, with the torch backend's clipping to [1e-7, 1 − 1e-7] in float32).
/// </summary>
public class CrossentropyLossTests
{
    private static readonly float[,] BT = { { 0, 1 }, { 0, 0 } };
    private static readonly float[,] BP = { { 0.6f, 0.4f }, { 0.4f, 0.6f } };
    private static readonly float[,] BL = { { -18.6f, 0.51f }, { 2.94f, -12.8f } };

    [Test]
    public void BinaryCrossentropyFromProbabilities()
    {
        using var scope = NewDisposeScope();
        var loss = new BinaryCrossentropy();
        // Keras docstring: binary_crossentropy = [0.916, 0.714]
        Assert.That(Values(loss.Call(F(BT), F(BP))), Is.EqualTo(new[] { 0.91629076, 0.713558197 }).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(BT), F(BP))), Is.EqualTo(0.814924479).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(BT), F(BP), F(0.8f, 0.2f))), Is.EqualTo(0.437872142).Within(1e-6));
    }

    [Test]
    public void BinaryCrossentropyClipsSaturatedProbabilities()
    {
        using var scope = NewDisposeScope();
        // p = 1 with y = 0 costs −log(1 − float32(1 − 1e-7)) = 15.94…, not infinity.
        Assert.That(Scalar(new BinaryCrossentropy().Compute(F(BT), F(new float[,] { { 0, 1 }, { 1, 0.5f } }))),
            Is.EqualTo(4.158883095).Within(1e-5));
    }

    [Test]
    public void BinaryCrossentropyFromLogitsAndLabelSmoothing()
    {
        using var scope = NewDisposeScope();
        // Keras docstring: 0.8654, and 1.730 with reduction="sum"
        Assert.That(Scalar(new BinaryCrossentropy(fromLogits: true).Compute(F(BT), F(BL))), Is.EqualTo(0.865458012).Within(1e-6));
        Assert.That(Scalar(new BinaryCrossentropy(fromLogits: true, reduction: "sum").Compute(F(BT), F(BL))), Is.EqualTo(1.730916023).Within(1e-5));
        Assert.That(Scalar(new BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.2).Compute(F(BT), F(BL))), Is.EqualTo(1.58970809).Within(1e-5));
        Assert.That(Scalar(new BinaryCrossentropy(labelSmoothing: 0.1).Compute(F(BT), F(BP))), Is.EqualTo(0.804787874).Within(1e-6));
    }

    [Test]
    public void BinaryCrossentropyFromLogitsGradientIsSigmoidMinusLabelOverCount()
    {
        using var scope = NewDisposeScope();
        var logits = F(new float[,] { { 0.5f, -1f } }).requires_grad_(true);
        new BinaryCrossentropy(fromLogits: true).Compute(F(new float[,] { { 1f, 0f } }), logits).backward();
        double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        Assert.That(Values(logits.grad!), Is.EqualTo(new[] { (Sigmoid(0.5) - 1) / 2, Sigmoid(-1) / 2 }).Within(1e-6));
    }

    [Test]
    public void BinaryFocalCrossentropy()
    {
        using var scope = NewDisposeScope();
        // Keras docstring: binary_focal_crossentropy(gamma=2) = [0.330, 0.206]
        Assert.That(Values(new BinaryFocalCrossentropy().Call(F(BT), F(BP))), Is.EqualTo(new[] { 0.329864681, 0.205798388 }).Within(1e-6));
        Assert.That(Scalar(new BinaryFocalCrossentropy().Compute(F(BT), F(BP))), Is.EqualTo(0.267831534).Within(1e-6));
        Assert.That(Scalar(new BinaryFocalCrossentropy().Compute(F(BT), F(BP), F(0.3f, 0.7f))), Is.EqualTo(0.121509135).Within(1e-6));
        Assert.That(Scalar(new BinaryFocalCrossentropy(gamma: 3, labelSmoothing: 0.1).Compute(F(BT), F(BP))), Is.EqualTo(0.147168368).Within(1e-6));
    }

    [Test]
    public void BinaryFocalCrossentropyFromLogitsWithAndWithoutClassBalancing()
    {
        using var scope = NewDisposeScope();
        var t = F(0f, 1f, 0f, 0f);
        var logits = F(-18.6f, 0.51f, 2.94f, -12.8f);
        // Keras docstring: 0.691, and 0.51 with apply_class_balancing=True
        Assert.That(Scalar(new BinaryFocalCrossentropy(fromLogits: true).Compute(t, logits)), Is.EqualTo(0.691211879).Within(1e-5));
        Assert.That(Scalar(new BinaryFocalCrossentropy(applyClassBalancing: true, fromLogits: true).Compute(t, logits)),
            Is.EqualTo(0.510133147).Within(1e-5));
    }

    private static readonly float[,] CT = { { 0, 1, 0 }, { 0, 0, 1 } };
    private static readonly float[,] CP = { { 0.05f, 0.95f, 0 }, { 0.1f, 0.8f, 0.1f } };
    private static readonly float[,] CL = { { 1f, 2f, 0.5f }, { 0.2f, -1f, 3f } };

    [Test]
    public void CategoricalCrossentropyMatchesKerasDocstring()
    {
        using var scope = NewDisposeScope();
        var loss = new CategoricalCrossentropy();
        // Keras docstring: [0.0513, 2.303]; mean 1.177; weighted [0.3, 0.7] 0.814; sum 2.354
        Assert.That(Values(loss.Call(F(CT), F(CP))), Is.EqualTo(new[] { 0.051293306, 2.302585125 }).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(CT), F(CP))), Is.EqualTo(1.176939249).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(CT), F(CP), F(0.3f, 0.7f))), Is.EqualTo(0.813598812).Within(1e-6));
        Assert.That(Scalar(new CategoricalCrossentropy(reduction: "sum").Compute(F(CT), F(CP))), Is.EqualTo(2 * 1.176939249).Within(1e-5));
    }

    [Test]
    public void CategoricalCrossentropyFromLogitsAndLabelSmoothing()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new CategoricalCrossentropy(fromLogits: true).Compute(F(CT), F(CL))), Is.EqualTo(0.270259917).Within(1e-6));
        Assert.That(Scalar(new CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1).Compute(F(CT), F(CL))), Is.EqualTo(0.425259948).Within(1e-6));
        Assert.That(Scalar(new CategoricalCrossentropy(labelSmoothing: 0.2).Compute(F(CT), F(CP))), Is.EqualTo(1.741332531).Within(1e-5));
    }

    [Test]
    public void SparseCategoricalCrossentropyTakesLabelsOfShapeNOrNByOne()
    {
        using var scope = NewDisposeScope();
        var loss = new SparseCategoricalCrossentropy();
        // Keras docstring: scce([1, 2], …) = 1.177, equal to the one-hot categorical crossentropy
        Assert.That(Scalar(loss.Compute(L(1, 2), F(CP))), Is.EqualTo(1.176939249).Within(1e-6));
        Assert.That(Scalar(loss.Compute(L(new long[,] { { 1 }, { 2 } }), F(CP))), Is.EqualTo(1.176939249).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(1f, 2f), F(CP), F(0.3f, 0.7f))), Is.EqualTo(0.813598812).Within(1e-6));
        Assert.That(Scalar(new SparseCategoricalCrossentropy(fromLogits: true).Compute(L(1, 2), F(CL))), Is.EqualTo(0.270259917).Within(1e-6));
    }

    [Test]
    public void SparseCategoricalCrossentropyIgnoreClassMasksTheMean()
    {
        using var scope = NewDisposeScope();
        var probabilities = F(new float[,] { { 0.05f, 0.95f, 0 }, { 0.1f, 0.8f, 0.1f }, { 0.7f, 0.2f, 0.1f } });
        var labels = L(1, 2, 0);
        Assert.That(Values(new SparseCategoricalCrossentropy(reduction: "none").Compute(labels, probabilities)),
            Is.EqualTo(new[] { 0.051293306, 2.302585125, 0.356674939 }).Within(1e-6));
        var ignoring = new SparseCategoricalCrossentropy(ignoreClass: 2, reduction: "none");
        Assert.That(Values(ignoring.Call(labels, probabilities)), Is.EqualTo(new[] { 0.051293306, 0.0, 0.356674939 }).Within(1e-6));
        // sum_over_batch_size averages over the two valid rows only; sum just drops the ignored one.
        Assert.That(Scalar(new SparseCategoricalCrossentropy(ignoreClass: 2).Compute(labels, probabilities)), Is.EqualTo(0.203984126).Within(1e-6));
        Assert.That(Scalar(new SparseCategoricalCrossentropy(ignoreClass: 2, reduction: "sum").Compute(labels, probabilities)), Is.EqualTo(0.407968253).Within(1e-6));
        // A "void" label outside [0, C) (segmentation's 255) is ignored the same way.
        Assert.That(Scalar(new SparseCategoricalCrossentropy(ignoreClass: 255).Compute(L(1, 255, 0), probabilities)), Is.EqualTo(0.203984126).Within(1e-6));
    }

    [Test]
    public void SparseCategoricalCrossentropyOfANegativeLabelIsZeroButCounts()
    {
        using var scope = NewDisposeScope();
        // Keras one-hot encodes a negative label as all zeros: loss 0, still in the mean over 2 samples.
        Assert.That(Scalar(new SparseCategoricalCrossentropy().Compute(L(1, -1), F(CP))), Is.EqualTo(0.051293306 / 2).Within(1e-6));
    }

    [Test]
    public void SparseCategoricalCrossentropyRejectsOneHotAndMisshapenLabels()
    {
        using var scope = NewDisposeScope();
        var loss = new SparseCategoricalCrossentropy();
        var ex = Assert.Throws<KerasNetException>(() => loss.Compute(F(CT), F(CP)));
        Assert.That(ex!.Message, Does.Contain("sparse_categorical_crossentropy").And.Contain("(2,)").And.Contain("(2, 1)").And.Contain("(2, 3)"));
        Assert.Throws<KerasNetException>(() => loss.Compute(L(1, 2, 0), F(CP)));
        Assert.Throws<KerasNetException>(() => loss.ValidateShapes([2, 2], [2, 3]));
        Assert.DoesNotThrow(() => loss.ValidateShapes([4, 5], [4, 5, 10]));
    }

    [Test]
    public void CategoricalCrossentropyRejectsIntegerLabels()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<KerasNetException>(() => new CategoricalCrossentropy().Compute(L(1, 2), F(CP)));
        Assert.That(ex!.Message, Does.Contain("categorical_crossentropy").And.Contain("(2,)").And.Contain("(2, 3)"));
    }
}
