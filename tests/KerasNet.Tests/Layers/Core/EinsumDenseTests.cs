using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Core;

/// <summary>EinsumDense: weight and output shapes of Keras's own test table, values against matmul, config, errors.</summary>
public class EinsumDenseTests
{
    // The cases of keras/src/layers/core/einsum_dense_test.py (test_einsum_dense_basics):
    // equation, bias_axes, input_shape, output_shape, expected kernel, bias and output shapes.
    private static IEnumerable<TestCaseData> KerasCases()
    {
        TestCaseData Case(string name, string equation, string? bias, long[] input, long[] output, long[] kernel, long[]? biasShape, long[] result) =>
            new TestCaseData(equation, bias, input, output, kernel, biasShape, result).SetName(name);
        yield return Case("_1d_end_weight", "ab,b->a", null, [2, 32], [], [32], null, [2]);
        yield return Case("_2d_middle_weight", "ab,bc->ac", null, [2, 32], [64], [32, 64], null, [2, 64]);
        yield return Case("_3d_bert", "abc,cde->abde", null, [2, 1, 2], [1, 3, 4], [2, 3, 4], null, [2, 1, 3, 4]);
        yield return Case("_3d_3_bias", "abc,cde->abde", "e", [2, 1, 2], [1, 3, 4], [2, 3, 4], [4], [2, 1, 3, 4]);
        yield return Case("_3d_2_bias", "abc,cde->abde", "d", [2, 1, 2], [1, 3, 4], [2, 3, 4], [3, 1], [2, 1, 3, 4]);
        yield return Case("_3d_1_3_bias", "abc,cde->abde", "be", [2, 7, 2], [7, 3, 4], [2, 3, 4], [7, 1, 4], [2, 7, 3, 4]);
        yield return Case("_3d_bert_projection", "BFNH,NHD->BFD", null, [2, 1, 2, 3], [1, 4], [2, 3, 4], null, [2, 1, 4]);
        yield return Case("_2d_bert", "abc,cd->abd", null, [2, 1, 2], [1, 4], [2, 4], null, [2, 1, 4]);
        yield return Case("_embedding_1d", "i,d->id", null, [2], [2], [2], null, [2, 2]);
        yield return Case("_xlnet_lm", "ibd,nd->ibn", null, [2, 2, 1], [2, 2], [2, 1], null, [2, 2, 2]);
        yield return Case("_2d_precast", "...b,bc->...c", null, [2, 32], [64], [32, 64], null, [2, 64]);
        yield return Case("_2d_precast_elided_input_used_in_output", "...bc,bc->...b", null, [2, 32, 64], [32], [32, 64], null, [2, 32]);
        yield return Case("_2d_precast_multiple_elided_dims", "...b,bc->...c", null, [2, 3, 32], [64], [32, 64], null, [2, 3, 64]);
        yield return Case("_3d_precast", "...c,cde->...de", null, [2, 1, 2], [3, 4], [2, 3, 4], null, [2, 1, 3, 4]);
        yield return Case("_3d_precast_3_bias", "...c,cde->...de", "e", [2, 1, 2], [3, 4], [2, 3, 4], [4], [2, 1, 3, 4]);
        yield return Case("_3d_precast_2_bias", "...c,cde->...de", "d", [2, 1, 2], [3, 4], [2, 3, 4], [3, 1], [2, 1, 3, 4]);
        yield return Case("_3d_precast_2_3_bias", "...c,cde->...de", "de", [2, 1, 2], [3, 4], [2, 3, 4], [3, 4], [2, 1, 3, 4]);
        yield return Case("_2d_postcast", "bc...,cd->bd...", null, [2, 1, 2, 3], [4], [1, 4], null, [2, 4, 2, 3]);
        yield return Case("_3d_postcast", "bc...,cde->bde...", null, [2, 1, 2], [3, 4], [1, 3, 4], null, [2, 3, 4, 2]);
        yield return Case("_3d_postcast_1_bias", "bc...,cde->bde...", "d", [2, 1, 2], [3, 4], [1, 3, 4], [3, 1, 1], [2, 3, 4, 2]);
        yield return Case("_3d_postcast_2_bias", "bc...,cde->bde...", "e", [2, 1, 2], [3, 4], [1, 3, 4], [4, 1], [2, 3, 4, 2]);
        yield return Case("_3d_postcast_1_2_bias", "bc...,cde->bde...", "de", [2, 1, 2], [3, 4], [1, 3, 4], [3, 4, 1], [2, 3, 4, 2]);
    }

    [TestCaseSource(nameof(KerasCases))]
    public void ShapesMatchKerasTests(string equation, string? biasAxes, long[] input, long[] output, long[] kernel, long[]? bias, long[] result)
    {
        var layer = new EinsumDense(equation, Shape.Of(output), biasAxes: biasAxes);
        var y = layer.Apply(rand(input));
        Assert.That(layer.Kernel.Shape, Is.EqualTo(Shape.Of(kernel)));
        Assert.That(layer.Bias?.Shape, Is.EqualTo(bias is null ? null : Shape.Of(bias)));
        Assert.That(layer.Weights, Has.Count.EqualTo(bias is null ? 1 : 2));
        Assert.That(y.shape, Is.EqualTo(result));
        Assert.That(layer.ComputeOutputShape([Shape.Of(input)])[0], Is.EqualTo(Shape.Of(result)));
    }

    [Test]
    public void SequenceProjectionEqualsMatmulPlusBias()
    {
        var layer = new EinsumDense("abc,cd->abd", outputShape: [null, 3], biasAxes: "d", activation: "relu");
        var x = arange(24, dtype: ScalarType.Float32).reshape(2, 3, 4).mul(0.1f).sub(1f);
        layer.EnsureBuilt([2, 3, 4]);
        var kernel = arange(12, dtype: ScalarType.Float32).reshape(4, 3).mul(0.2f).sub(1f);
        var bias = tensor(new[] { 0.1f, -0.2f, 0.3f });
        layer.SetWeights([kernel, bias]);
        var expected = (matmul(x, kernel) + bias).relu();
        Assert.That(layer.Apply(x).allclose(expected, 1e-6, 1e-6), Is.True);
        var symbolic = new EinsumDense("abc,cd->abd", outputShape: [null, 64], biasAxes: "d").Apply(Keras.Input([32, 128]));
        Assert.That(symbolic.Shape, Is.EqualTo(new Shape([null, 32, 64])), "the unknown output axis is the input's (Keras docstring example)");
    }

    [Test]
    public void TrainsInAModel()
    {
        KerasNet.Utils.RandomSeed.Set(5);
        var x = randn(64, 6);
        var y = einsum("ab,bcd->acd", x, randn(6, 2, 3));
        var inputs = Keras.Input([6]);
        var model = new KerasNet.Models.Model(inputs, new EinsumDense("ab,bcd->acd", outputShape: [2, 3], biasAxes: "cd").Apply(inputs));
        model.Compile(optimizer: new KerasNet.Optimizers.Adam(learningRate: 0.05), loss: "mse");
        var history = model.Fit(x, y, epochs: 20, batchSize: 16, verbose: 0);
        Assert.That(history["loss"][^1], Is.LessThan(0.1 * history["loss"][0]));
    }

    [Test]
    public void ConfigHasKerasKeys()
    {
        var config = new EinsumDense("...b,bc->...c", outputShape: [64], biasAxes: "c", name: "ed").GetConfig();
        Assert.That(config.Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "name", "trainable", "dtype", "output_shape", "equation", "activation", "bias_axes", "kernel_initializer",
            "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
            "bias_constraint", "quantization_config",
        }));
        Assert.That(config["output_shape"]!.ToJsonString(), Is.EqualTo("[64]"));
        Assert.That((string)config["equation"]!, Is.EqualTo("...b,bc->...c"));
        Assert.That((string)config["bias_axes"]!, Is.EqualTo("c"));
        Assert.That((string)config["activation"]!, Is.EqualTo("linear"));
    }

    [Test]
    public void BadArgumentsFailClearly()
    {
        var equation = Assert.Throws<KerasNetException>(() => new EinsumDense("ab,bc", [3]));
        Assert.That(equation!.Message, Does.Contain("invalid einsum equation 'ab,bc'"));
        var count = Assert.Throws<KerasNetException>(() => new EinsumDense("abc,cd->abd", [3]));
        Assert.That(count!.Message, Does.Contain("must have 2 entries"));
        var bias = Assert.Throws<KerasNetException>(() => new EinsumDense("ab,bc->ac", [3], biasAxes: "x"));
        Assert.That(bias!.Message, Does.Contain("bias axis 'x'"));
        var rank = Assert.Throws<KerasNetException>(() => new EinsumDense("abc,cd->abd", [null, 3], name: "ed").Apply(rand(2, 4)));
        Assert.That(rank!.Message, Does.Contain("'ed'").And.Contain("(2, 4)").And.Contain("expected rank 3"));
        var shared = Assert.Throws<KerasNetException>(() => new EinsumDense("abc,cd->abd", [5, 3]).Apply(rand(2, 4, 6)));
        Assert.That(shared!.Message, Does.Contain("shared dimension 'b'"));
        Assert.Throws<NotSupportedException>(() => new EinsumDense("ab,bc->ac", [3], loraRank: 2));
        Assert.Throws<NotSupportedException>(() => new EinsumDense("ab,bc->ac", [3], quantizationConfig: new System.Text.Json.Nodes.JsonObject()));
        var built = new EinsumDense("ab,bc->ac", [3], name: "fixed");
        built.Apply(rand(2, 4));
        var features = Assert.Throws<KerasNetException>(() => built.Apply(rand(2, 5)));
        Assert.That(features!.Message, Does.Contain("'fixed'").And.Contain("(2, 5)"));
    }
}
