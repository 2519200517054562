using KerasNet.Datasets;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Datasets;

public class DatasetSplitTests
{
    private static DatasetSplit<byte> TwoImages()
    {
        var x = new byte[2, 2, 3];
        for (var i = 0; i < 2; i++) for (var r = 0; r < 2; r++) for (var c = 0; c < 3; c++) x[i, r, c] = (byte)(i * 200 + r * 51 + c);
        return new DatasetSplit<byte>(x, [7, 2], maxValue: 255, numClasses: 10);
    }

    [Test]
    public void XTensorIsFloat32DividedByMaxValue()
    {
        using var scope = NewDisposeScope();
        var x = TwoImages().XTensor();
        Assert.That(x.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(x.shape, Is.EqualTo(new long[] { 2, 2, 3 }));
        // (i*200 + r*51 + c) / 255 in float32, as Keras tutorials' x.astype("float32") / 255.
        Assert.That(x[1, 1, 2].item<float>(), Is.EqualTo(253f / 255f));
        Assert.That(x[0, 1, 0].item<float>(), Is.EqualTo(0.2f));
        Assert.That(x[0, 0, 0].item<float>(), Is.EqualTo(0f));
    }

    [Test]
    public void FlattenedRawXTensorKeepsPixelValuesRowMajor()
    {
        using var scope = NewDisposeScope();
        var x = TwoImages().XTensor(normalize: false, flatten: true);
        Assert.That(x.shape, Is.EqualTo(new long[] { 2, 6 }));
        Assert.That(x[1].data<float>().ToArray(), Is.EqualTo(new float[] { 200, 201, 202, 251, 252, 253 }));
    }

    [Test]
    public void XTensorDoesNotChangeTheArray()
    {
        using var scope = NewDisposeScope();
        var (train, _) = Digits.LoadData();
        var before = train.X[0, 3, 3];
        train.XTensor().add_(1);
        Assert.That(train.X[0, 3, 3], Is.EqualTo(before));
    }

    [Test]
    public void DigitsNormalizeBySixteen()
    {
        using var scope = NewDisposeScope();
        var (train, _) = Digits.LoadData();
        var x = train.XTensor(flatten: true);
        Assert.That(x.shape, Is.EqualTo(new long[] { 1437, 64 }));
        Assert.That(x.max().item<float>(), Is.EqualTo(1f));
        Assert.That(x[5, 19].item<float>(), Is.EqualTo(train.X[5, 2, 3] / 16f));
    }

    [Test]
    public void LabelsAsClassIndicesAndOneHot()
    {
        using var scope = NewDisposeScope();
        var split = TwoImages();
        var y = split.YTensor();
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(y.data<long>().ToArray(), Is.EqualTo(new long[] { 7, 2 }));
        var oneHot = split.YOneHot();
        Assert.That(oneHot.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(oneHot.shape, Is.EqualTo(new long[] { 2, 10 }));
        Assert.That(oneHot[0].data<float>().ToArray(), Is.EqualTo(new float[] { 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 }));
        Assert.That(oneHot[1].data<float>().ToArray(), Is.EqualTo(new float[] { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }));
    }

    [Test]
    public void MismatchedCountsAreRejected()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new DatasetSplit<byte>(new byte[3, 2, 2], [1, 2], 255, 10))!;
        Assert.That(e.Message, Does.Contain("3 images").And.Contain("2 labels"));
    }

    [Test]
    public void LabelBeyondTheClassesIsRejected()
    {
        var e = Assert.Throws<KerasNetException>(() => _ = new DatasetSplit<byte>(new byte[2, 2, 2], [1, 4], 255, numClasses: 4))!;
        Assert.That(e.Message, Does.Contain("y[1] = 4").And.Contain("0..3"));
    }
}
