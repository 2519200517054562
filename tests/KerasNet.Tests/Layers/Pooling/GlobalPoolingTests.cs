using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Pooling;

/// <summary>Global pooling: keepdims, data formats, the masked mean of GlobalAveragePooling1D, configs.</summary>
public class GlobalPoolingTests
{
    private static readonly Tensor Steps = tensor(new float[] { 1, -1, 2, -2, 3, -3, 100, 50 }, [1, 4, 2]);

    [Test]
    public void ReduceTheStepsPerChannel()
    {
        Assert.That(new GlobalMaxPooling1D().Apply(Steps).data<float>().ToArray(), Is.EqualTo(new[] { 100f, 50f }));
        Assert.That(new GlobalAveragePooling1D().Apply(Steps).data<float>().ToArray(), Is.EqualTo(new[] { 26.5f, 11f }));
    }

    [Test]
    public void MaskedMeanAveragesOnlyUnmaskedSteps()
    {
        // Mask out the last step: mean of (1, 2, 3) and (-1, -2, -3).
        var layer = new GlobalAveragePooling1D();
        var mask = tensor(new[] { true, true, true, false }, [1, 4]);
        var y = layer.ApplyMulti([Steps], new CallContext(false, [mask]))[0];
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new[] { 2f, -2f }));
        Assert.That(layer.SupportsMasking, Is.True);
        Assert.That(layer.ComputeMask([Steps], [mask]), Is.Null, "the mask stops at the pooling");
    }

    [Test]
    public void MaskedMeanChannelsFirstWithKeepdims()
    {
        var layer = new GlobalAveragePooling1D(dataFormat: "channels_first", keepdims: true);
        var x = Steps.permute(0, 2, 1); // (1, channels 2, steps 4)
        var y = layer.ApplyMulti([x], new CallContext(false, [tensor(new float[] { 1, 0, 1, 0 }, [1, 4])]))[0];
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 2, 1 }));
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new[] { 2f, -2f }));
    }

    [Test]
    public void MaskOfTheWrongShapeIsRejected()
    {
        var e = Assert.Throws<KerasNetException>(() =>
            new GlobalAveragePooling1D(name: "gap").ApplyMulti([Steps], new CallContext(false, [ones(1, 3)])))!;
        Assert.That(e.Message, Does.Contain("'gap'").And.Contain("(1, 4)").And.Contain("(1, 3)"));
    }

    [Test]
    public void KeepdimsShapes()
    {
        var x = randn(2, 5, 4, 3);
        Assert.That(new GlobalMaxPooling2D(keepdims: true).Apply(x).shape, Is.EqualTo(new long[] { 2, 1, 1, 3 }));
        Assert.That(new GlobalAveragePooling2D(dataFormat: "channels_first", keepdims: true).Apply(x).shape, Is.EqualTo(new long[] { 2, 5, 1, 1 }));
        Assert.That(new GlobalAveragePooling3D().ComputeOutputShape([[null, 4, 4, 4, 7]])[0], Is.EqualTo(new Shape([null, 7])));
        Assert.That(new GlobalMaxPooling3D(dataFormat: "channels_first", keepdims: true).ComputeOutputShape([[null, 7, 4, 4, 4]])[0],
            Is.EqualTo(new Shape([null, 7, 1, 1, 1])));
    }

    [Test]
    public void ConfigAndErrors()
    {
        var c = new GlobalAveragePooling2D(keepdims: true).GetConfig();
        Assert.That(c["data_format"]!.GetValue<string>(), Is.EqualTo("channels_last"));
        Assert.That(c["keepdims"]!.GetValue<bool>(), Is.True);
        var e = Assert.Throws<KerasNetException>(() => new GlobalMaxPooling2D(name: "g").Apply(zeros(2, 3)))!;
        Assert.That(e.Message, Does.Contain("'g'").And.Contain("rank 4"));
        Assert.Throws<KerasNetException>(() => new GlobalMaxPooling1D(dataFormat: "channels_middle"));
    }
}
