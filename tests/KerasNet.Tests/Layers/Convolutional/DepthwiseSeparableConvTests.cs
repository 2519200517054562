using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>Depthwise and separable convolutions: weight layouts, channel order and equivalences.</summary>
public class DepthwiseSeparableConvTests
{
    [Test]
    public void DepthwiseOutputChannelIsInputChannelTimesMultiplierPlusIndex()
    {
        // Input channels (1, 10); kernel (1, 1, 2, 2) = [[1, 2], [3, 4]]: outputs (1·1, 1·2, 10·3, 10·4).
        var layer = new DepthwiseConv2D(1, depthMultiplier: 2, useBias: false);
        layer.EnsureBuilt([null, 1, 1, 2]);
        Assert.That(layer.DepthwiseKernel.Shape, Is.EqualTo(Shape.Of(1, 1, 2, 2)));
        Assert.That(layer.Weights.Single().Name, Is.EqualTo("depthwise_kernel"));
        layer.SetWeights([tensor(new float[] { 1, 2, 3, 4 }, [1, 1, 2, 2])]);
        var y = layer.Apply(tensor(new float[] { 1, 10 }, [1, 1, 1, 2]));
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f, 30f, 40f }));
    }

    [Test]
    public void DepthwiseConvolvesEachChannelAlone()
    {
        // Same padding, 3x3 ones kernel on channel 0 of a 3x3 image of ones: corner 4, edge 6, centre 9.
        var layer = new DepthwiseConv2D(3, padding: "same", depthMultiplier: 1);
        var x = cat([ones(1, 3, 3, 1), zeros(1, 3, 3, 1)], 3);
        layer.EnsureBuilt(Shape.Of(x.shape));
        Assert.That(layer.Bias!.Shape, Is.EqualTo(Shape.Of(2)));
        layer.SetWeights([ones(3, 3, 2, 1), tensor(new float[] { 0, 0.5f })]);
        var y = layer.Apply(x);
        Assert.That(y[0, .., .., 0].flatten().data<float>().ToArray(), Is.EqualTo(new[] { 4f, 6f, 4f, 6f, 9f, 6f, 4f, 6f, 4f }));
        Assert.That(y[0, .., .., 1].flatten().data<float>().ToArray(), Is.All.EqualTo(0.5f));
    }

    [Test]
    public void DepthwiseConv1DShapesAndConfig()
    {
        var layer = new DepthwiseConv1D(3, strides: 2, padding: "same", depthMultiplier: 3);
        Assert.That(layer.ComputeOutputShape([[null, 9, 4]])[0], Is.EqualTo(new Shape([null, 5, 12])));
        Assert.That(layer.Apply(randn(2, 9, 4)).shape, Is.EqualTo(new long[] { 2, 5, 12 }));
        Assert.That(layer.CountParams(), Is.EqualTo(3 * 4 * 3 + 12));
        var c = layer.GetConfig();
        Assert.That(c["depth_multiplier"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(c["depthwise_initializer"]!["class_name"]!.GetValue<string>(), Is.EqualTo("GlorotUniform"));
        Assert.That(c.ContainsKey("filters"), Is.False);
    }

    [Test]
    public void SeparableConv1DIsDepthwiseThenPointwise()
    {
        // The same weights through DepthwiseConv1D, then a kernel-1 Conv1D (which adds the bias), must agree.
        var x = randn(2, 7, 3);
        var separable = new SeparableConv1D(4, 3, strides: 2, padding: "same", depthMultiplier: 2);
        separable.EnsureBuilt(Shape.Of(x.shape));
        Assert.That(separable.Weights.Select(w => w.Name), Is.EqualTo(new[] { "depthwise_kernel", "pointwise_kernel", "bias" }));
        Assert.That(separable.PointwiseKernel.Shape, Is.EqualTo(Shape.Of(1, 6, 4)));
        var bias = randn(4);
        separable.SetWeights([separable.DepthwiseKernel.Value, separable.PointwiseKernel.Value, bias]);

        var depthwise = new DepthwiseConv1D(3, strides: 2, padding: "same", depthMultiplier: 2, useBias: false);
        depthwise.EnsureBuilt(Shape.Of(x.shape));
        depthwise.SetWeights([separable.DepthwiseKernel.Value]);
        var pointwise = new Conv1D(4, 1);
        pointwise.EnsureBuilt([null, 4, 6]);
        pointwise.SetWeights([separable.PointwiseKernel.Value, bias]);

        var expected = pointwise.Apply(depthwise.Apply(x));
        Assert.That((separable.Apply(x) - expected).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void SeparableConv2DConfigAndErrors()
    {
        var c = new SeparableConv2D(8, 3, depthMultiplier: 2, activation: "relu").GetConfig();
        Assert.That(c["filters"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(c["depth_multiplier"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(c["pointwise_initializer"]!["class_name"]!.GetValue<string>(), Is.EqualTo("GlorotUniform"));
        var e = Assert.Throws<KerasNetException>(() => new SeparableConv2D(8, 3, depthMultiplier: 0, name: "sep"))!;
        Assert.That(e.Message, Does.Contain("'sep'").And.Contain("depthMultiplier must be positive, got 0"));
        e = Assert.Throws<KerasNetException>(() => new DepthwiseConv2D(3, strides: 2, dilationRate: 2, name: "dw"))!;
        Assert.That(e.Message, Does.Contain("'dw'").And.Contain("dilationRate > 1"));
    }
}
