using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>
/// Conv1D padding rules on closed-form cases: an all-ones kernel sums its window, so each expected output is
/// a sum of input cells (zeros where Keras pads).
/// </summary>
public class Conv1DTests
{
    private static readonly Tensor Steps = tensor(new float[] { 1, 2, 3, 4 }, [1, 4, 1]);

    private static float[] Run(Conv1D layer, Tensor x)
    {
        layer.EnsureBuilt(Shape.Of(x.shape));
        layer.SetWeights([ones(layer.Weights[0].Value.shape)]);
        return layer.Apply(x).data<float>().ToArray();
    }

    [Test]
    public void SameWithStride2PadsTheOddCellAtTheEnd()
    {
        // n=4, k=3, s=2: out = ceil(4/2) = 2, total pad = (2-1)*2 + 3 - 4 = 1 -> (0 before, 1 after).
        // Windows [1,2,3] and [3,4,0]; torch's symmetric padding would give [0,1,2] and [2,3,4] = 3, 9.
        Assert.That(Run(new Conv1D(1, 3, strides: 2, padding: "same", useBias: false), Steps), Is.EqualTo(new[] { 6f, 7f }));
    }

    [Test]
    public void SamePaddingDependsOnTheInputLength()
    {
        // n=5, k=3, s=2: out = 3, total = (3-1)*2 + 3 - 5 = 2 -> (1, 1): windows [0,1,2] [2,3,4] [4,5,0].
        var x = tensor(new float[] { 1, 2, 3, 4, 5 }, [1, 5, 1]);
        Assert.That(Run(new Conv1D(1, 3, strides: 2, padding: "same", useBias: false), x), Is.EqualTo(new[] { 3f, 9f, 9f }));
    }

    [Test]
    public void CausalPadsOnlyOnTheLeft()
    {
        // Left pad k-1 = 2: y[t] = x[t-2] + x[t-1] + x[t].
        Assert.That(Run(new Conv1D(1, 3, padding: "causal", useBias: false), Steps), Is.EqualTo(new[] { 1f, 3f, 6f, 9f }));
    }

    [Test]
    public void CausalWithDilationLooksFurtherBack()
    {
        // Left pad (k-1)*d = 4: y[t] = x[t-4] + x[t-2] + x[t].
        var layer = new Conv1D(1, 3, padding: "causal", dilationRate: 2, useBias: false);
        Assert.That(Run(layer, Steps), Is.EqualTo(new[] { 1f, 2f, 4f, 6f }));
        Assert.That(layer.ComputeOutputShape([[null, 4, 1]])[0], Is.EqualTo(new Shape([null, 4, 1])));
    }

    [Test]
    public void CausalStridedOutputLengthIsCeilOfInputOverStride()
    {
        var layer = new Conv1D(2, 3, strides: 2, padding: "causal");
        Assert.That(layer.ComputeOutputShape([[null, 7, 3]])[0], Is.EqualTo(new Shape([null, 4, 2])));
        Assert.That(layer.Apply(zeros(2, 7, 3)).shape, Is.EqualTo(new long[] { 2, 4, 2 }));
    }

    [Test]
    public void ChannelsFirstConvolvesTheLastAxis()
    {
        // (batch, channels=1, steps=4), valid k=2: [1+2, 2+3, 3+4].
        var x = tensor(new float[] { 1, 2, 3, 4 }, [1, 1, 4]);
        var layer = new Conv1D(1, 2, dataFormat: "channels_first", useBias: false);
        Assert.That(Run(layer, x), Is.EqualTo(new[] { 3f, 5f, 7f }));
        Assert.That(layer.Apply(x).shape, Is.EqualTo(new long[] { 1, 1, 3 }));
    }

    [Test]
    public void CausalIsOnlyForConv1D()
    {
        var e = Assert.Throws<KerasNetException>(() => new Conv2D(1, 3, padding: "causal", name: "c2"))!;
        Assert.That(e.Message, Does.Contain("'c2'").And.Contain("'valid' or 'same'").And.Contain("'causal'"));
    }
}
