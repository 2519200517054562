using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Applications.Tests;

/// <summary>
/// Keras's preprocessing modes with its constants, checked against the formulas worked out in double precision, and
/// each family's choice of mode as Keras's modules make it.
/// </summary>
public sealed class PreprocessInputTests
{
    // Two pixels (RGB) of one 1×2 image.
    private static readonly float[] Pixels = [10f, 20f, 30f, 255f, 0f, 127.5f];

    private static Tensor Image() => tensor(Pixels).reshape(1, 1, 2, 3);

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Test]
    public void CaffeFlipsToBgrAndSubtractsTheImageNetMeans()
    {
        double[] mean = [103.939, 116.779, 123.68]; // B, G, R
        var expected = new[] { 30 - mean[0], 20 - mean[1], 10 - mean[2], 127.5 - mean[0], 0 - mean[1], 255 - mean[2] };
        Assert.That(Values(ImageNetUtils.PreprocessInput(Image(), "caffe")), Is.EqualTo(expected).Within(1e-4));
        Assert.That(Values(ResNet.PreprocessInput(Image())), Is.EqualTo(expected).Within(1e-4));
        Assert.That(Values(Vgg16.PreprocessInput(Image())), Is.EqualTo(expected).Within(1e-4));
        Assert.That(Values(Vgg19.PreprocessInput(Image())), Is.EqualTo(expected).Within(1e-4));
    }

    [Test]
    public void TfScalesToMinusOneOne()
    {
        var expected = Pixels.Select(p => p / 127.5 - 1).ToArray();
        foreach (var y in new[] { ImageNetUtils.PreprocessInput(Image(), "tf"), ResNetV2.PreprocessInput(Image()), MobileNet.PreprocessInput(Image()),
                     MobileNetV2.PreprocessInput(Image()), InceptionV3.PreprocessInput(Image()), Xception.PreprocessInput(Image()) })
            Assert.That(Values(y), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void TorchStandardizesEachChannel()
    {
        double[] mean = [0.485, 0.456, 0.406], std = [0.229, 0.224, 0.225];
        var expected = Pixels.Select((p, i) => (p / 255.0 - mean[i % 3]) / std[i % 3]).ToArray();
        Assert.That(Values(ImageNetUtils.PreprocessInput(Image(), "torch")), Is.EqualTo(expected).Within(1e-5));
        Assert.That(Values(DenseNet.PreprocessInput(Image())), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void ChannelsFirstUsesTheChannelAxisOfOneImageOrABatch()
    {
        var channelsFirst = Image().permute(0, 3, 1, 2); // (1, 3, 1, 2)
        var batch = ImageNetUtils.PreprocessInput(channelsFirst, "caffe", "channels_first");
        Assert.That(Values(batch.permute(0, 2, 3, 1)), Is.EqualTo(Values(ImageNetUtils.PreprocessInput(Image(), "caffe"))).Within(1e-4));
        var single = ImageNetUtils.PreprocessInput(channelsFirst[0], "torch", "channels_first");
        Assert.That(Values(single.permute(1, 2, 0)), Is.EqualTo(Values(ImageNetUtils.PreprocessInput(Image(), "torch"))).Within(1e-5));
    }

    [Test]
    public void IntegerImagesBecomeFloat32AndTheInputIsLeftAlone()
    {
        var bytes = tensor(new byte[] { 0, 255, 51 }).reshape(1, 1, 1, 3);
        var y = ImageNetUtils.PreprocessInput(bytes, "tf");
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(Values(y), Is.EqualTo(new[] { -1.0, 1.0, 51 / 127.5 - 1 }).Within(1e-6));
        var x = Image();
        ImageNetUtils.PreprocessInput(x, "caffe");
        Assert.That(Values(x), Is.EqualTo(Pixels));
    }

    [Test]
    public void FamiliesThatPreprocessInsideTheModelPassImagesThrough()
    {
        foreach (var y in new[] { MobileNetV3.PreprocessInput(Image()), EfficientNet.PreprocessInput(Image()), ConvNeXt.PreprocessInput(Image()) })
            Assert.That(Values(y), Is.EqualTo(Pixels));
    }

    [Test]
    public void BadArgumentsNameTheProblem()
    {
        Assert.That(() => ImageNetUtils.PreprocessInput(Image(), "mean"), Throws.TypeOf<KerasNetException>().With.Message.Contains("\"caffe\", \"tf\" or \"torch\""));
        Assert.That(() => ImageNetUtils.PreprocessInput(Image(), "tf", "nhwc"), Throws.TypeOf<KerasNetException>().With.Message.Contains("channels_first"));
        Assert.That(() => ImageNetUtils.PreprocessInput(zeros(2, 3), "tf"), Throws.TypeOf<KerasNetException>().With.Message.Contains("[2, 3]"));
        Assert.That(() => ImageNetUtils.PreprocessInput(zeros(1, 4, 4, 1), "caffe"), Throws.TypeOf<KerasNetException>().With.Message.Contains("3 color channels"));
    }
}
