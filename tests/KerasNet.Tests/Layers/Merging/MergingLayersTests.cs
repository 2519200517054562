using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>Merge layers: shape validation when the graph is built, Keras broadcasting, values and masks.</summary>
public class MergingLayersTests
{
    [Test]
    public void IncompatibleShapesFailWhenTheGraphIsBuilt()
    {
        var a = Keras.Input(shape: [3]);
        var b = Keras.Input(shape: [4]);
        var e = Assert.Throws<KerasNetException>(() => new Add(name: "sum").Apply([a, b]));
        Assert.That(e!.Message, Does.Contain("sum").And.Contain("(None, 3)").And.Contain("(None, 4)"));

        var c = Keras.Input(shape: [2, 5]);
        var d = Keras.Input(shape: [3, 4]);
        e = Assert.Throws<KerasNetException>(() => new Concatenate(axis: -1, name: "cat").Apply([c, d]));
        Assert.That(e!.Message, Does.Contain("cat").And.Contain("(None, 2, 5)").And.Contain("(None, 3, 4)"));
        e = Assert.Throws<KerasNetException>(() => new Concatenate(name: "cat2").Apply([Keras.Input(shape: [2]), Keras.Input(shape: [2, 2])]));
        Assert.That(e!.Message, Does.Contain("same rank"));

        e = Assert.Throws<KerasNetException>(() => new Dot(axes: 1, name: "dot").Apply([Keras.Input(shape: [3]), Keras.Input(shape: [4])]));
        Assert.That(e!.Message, Does.Contain("dot").And.Contain("(None, 3)").And.Contain("(None, 4)"));

        e = Assert.Throws<KerasNetException>(() => new Subtract(name: "diff").Apply([a, a, a]));
        Assert.That(e!.Message, Does.Contain("diff").And.Contain("exactly 2"));
        e = Assert.Throws<KerasNetException>(() => new Multiply(name: "prod").Apply([Keras.Input(shape: [3], batchSize: 2), Keras.Input(shape: [3], batchSize: 5)]));
        Assert.That(e!.Message, Does.Contain("batch sizes"));
    }

    [Test]
    public void LowerRankInputsBroadcastFromTheEnd()
    {
        var a = Keras.Input(shape: [2, 3]);
        var b = Keras.Input(shape: [3]);
        var sum = new Add().Apply([a, b]);
        Assert.That(sum.Shape, Is.EqualTo(new Shape([null, 2, 3])));
        var model = new Model([a, b], [sum]);
        var y = model.Apply([F(new float[,,] { { { 1, 2, 3 }, { 4, 5, 6 } } }), F(new float[,] { { 10, 20, 30 } })]);
        Assert.That(Values(y), Is.EqualTo(new double[] { 11, 22, 33, 14, 25, 36 }));
        Assert.That(new Maximum().ComputeOutputShape([new Shape([null, 1, 4]), new Shape([null, 3, 1])])[0], Is.EqualTo(new Shape([null, 3, 4])));
    }

    [Test]
    public void ElementwiseValues()
    {
        Tensor[] xs = [F(new float[,] { { 1, -2, 3 } }), F(new float[,] { { 4, 5, -6 } }), F(new float[,] { { 0, 1, 2 } })];
        Assert.That(Values(new Add().Apply(xs)), Is.EqualTo(new double[] { 5, 4, -1 }));
        Assert.That(Values(new Subtract().Apply(xs.Take(2).ToList())), Is.EqualTo(new double[] { -3, -7, 9 }));
        Assert.That(Values(new Multiply().Apply(xs)), Is.EqualTo(new double[] { 0, -10, -36 }));
        Assert.That(Values(new Average().Apply(xs)), Is.EqualTo(new[] { 5 / 3.0, 4 / 3.0, -1 / 3.0 }).Within(1e-6));
        Assert.That(Values(new Maximum().Apply(xs)), Is.EqualTo(new double[] { 4, 5, 3 }));
        Assert.That(Values(new Minimum().Apply(xs)), Is.EqualTo(new double[] { 0, -2, -6 }));
    }

    [Test]
    public void ConcatenateWithANegativeAxis()
    {
        var a = F(new float[,,] { { { 1, 2 }, { 3, 4 } } });
        var b = F(new float[,,] { { { 5, 6 } } });
        var y = new Concatenate(axis: -2).Apply([a, b]);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 3, 2 }));
        Assert.That(Values(y), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(new Concatenate(axis: 1).ComputeOutputShape([new Shape([null, 2, 7]), new Shape([null, null, 7])])[0],
            Is.EqualTo(new Shape([null, null, 7])));
    }

    [Test]
    public void DotContractsTheGivenAxesAndCanNormalize()
    {
        var x = F(new float[,,] { { { 1, 2 }, { 3, 4 }, { 5, 6 } } }); // (1, 3, 2)
        var z = F(new float[,,] { { { 1, 0, 2 }, { 0, 1, 1 } } }); // (1, 2, 3)
        // axes (2, 1): x @ z, (1, 3, 3)
        var y = new Dot(axes: [2, 1]).Apply([x, z]);
        Assert.That(Values(y), Is.EqualTo(new double[] { 1, 2, 4, 3, 4, 10, 5, 6, 16 }));
        Assert.That(new Dot(axes: [2, 1]).ComputeOutputShape([new Shape([null, 3, 2]), new Shape([null, 2, 3])])[0], Is.EqualTo(new Shape([null, 3, 3])));

        var u = F(new float[,] { { 3, 4 } });
        var v = F(new float[,] { { 4, 3 } });
        var cosine = new Dot(axes: 1, normalize: true).Apply([u, v]);
        Assert.That(cosine.shape, Is.EqualTo(new long[] { 1, 1 }));
        Assert.That(Scalar(cosine[0, 0]), Is.EqualTo(24 / 25.0).Within(1e-6));
        Assert.That(Scalar(new Dot(axes: -1).Apply([u, v])[0, 0]), Is.EqualTo(24.0));
    }

    [Test]
    public void MasksAreMergedAsKerasDoes()
    {
        var m1 = tensor(new[,] { { true, false, false } });
        var m2 = tensor(new[,] { { false, false, true } });
        var x = zeros(1, 3, 2);
        var add = new Add();
        Assert.That(add.ComputeMask([x, x], [m1, m2])![0]!.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, true }));
        Assert.That(add.ComputeMask([x, x], [m1, null]), Is.Null, "one unmasked input: no mask");

        var cat = new Concatenate(axis: 1);
        var time = cat.ComputeMask([x, x], [m1, null])![0]!;
        Assert.That(time.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, false, true, true, true }));
        Assert.That(new Dot(axes: 1).ComputeMask([x, x], [m1, m2]), Is.Null);
    }

    [Test]
    public void EmbeddingMasksAreOredByAddAndPassThroughDense()
    {
        var first = Keras.Input(shape: [4], dtype: "int64");
        var second = Keras.Input(shape: [4], dtype: "int64");
        var sum = new Add().Apply([new Embedding(5, 2, maskZero: true).Apply(first), new Embedding(5, 2, maskZero: true).Apply(second)]);
        var model = new Model([first, second], [new Dense(3).Apply(sum)]);
        var masks = model.ComputeMask([tensor(new long[,] { { 1, 0, 3, 0 } }), tensor(new long[,] { { 0, 0, 2, 0 } })], null)!;
        Assert.That(masks[0]!.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, true, false }));
    }
}
