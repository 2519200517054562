using NUnit.Framework;

namespace KerasNet.Applications.Tests;

/// <summary>
/// <c>weights: "imagenet"</c> reads the official file from the Keras cache folder and never downloads; a path must
/// exist. Loading itself waits for KerasNet's HDF5 weight loading (the persistence work), which these tests pin down.
/// </summary>
[NonParallelizable]
public sealed class WeightsArgumentTests
{
    private string _kerasHome = "";
    private string? _previous;

    [SetUp]
    public void UseAnEmptyKerasCache()
    {
        _previous = Environment.GetEnvironmentVariable("KERAS_HOME");
        _kerasHome = Path.Combine(Path.GetTempPath(), $"kerasnet-apps-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_kerasHome, "models"));
        Environment.SetEnvironmentVariable("KERAS_HOME", _kerasHome);
    }

    [TearDown]
    public void RestoreKerasHome()
    {
        Environment.SetEnvironmentVariable("KERAS_HOME", _previous);
        Directory.Delete(_kerasHome, recursive: true);
    }

    [Test]
    public void ImageNetWeightsMissingFromTheCacheSayWhereToGetThem()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Applications.MobileNetV3Small(includeTop: false));
        Assert.That(e!.Message, Does.Contain("weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5")
            .And.Contains(Path.Combine(_kerasHome, "models"))
            .And.Contains("https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5"));
    }

    [Test]
    public void ImageNetFileNamesFollowKeras()
    {
        string Missing(Func<object> build) => Assert.Throws<FileNotFoundException>(() => build())!.FileName!;
        Assert.That(Path.GetFileName(Missing(() => Applications.MobileNetV2(inputShape: [96, 96, 3], alpha: 0.35, includeTop: false))),
            Is.EqualTo("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"));
        Assert.That(Path.GetFileName(Missing(() => Applications.MobileNet(inputShape: [128, 128, 3], alpha: 0.5, includeTop: false))),
            Is.EqualTo("mobilenet_5_0_128_tf_no_top.h5"));
        Assert.That(Path.GetFileName(Missing(() => Applications.MobileNetV2(inputShape: [100, 100, 3], includeTop: false))),
            Is.EqualTo("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5"), "Keras falls back to the 224 weights");
        Assert.That(Path.GetFileName(Missing(() => Applications.EfficientNetB0(includeTop: false, inputShape: [32, 32, 3]))), Is.EqualTo("efficientnetb0_notop.h5"));
        Assert.That(Path.GetFileName(Missing(() => Applications.ResNet50V2(includeTop: false, inputShape: [32, 32, 3]))),
            Is.EqualTo("resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5"));
    }

    [Test]
    public void ACachedFileWithTheWrongHashIsRejected()
    {
        File.WriteAllText(Path.Combine(_kerasHome, "models", "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5"), "not the weights");
        Assert.That(() => Applications.MobileNetV3Small(includeTop: false),
            Throws.TypeOf<KerasNetException>().With.Message.Contains("MD5").And.Message.Contains("d3e8ec802a04aa4fc771ee12a9a9b836"));
    }

    [Test]
    public void AWeightsFileAwaitsHdf5WeightLoading()
    {
        string path = Path.Combine(_kerasHome, "weights.h5");
        File.WriteAllText(path, "");
        Assert.That(() => Applications.MobileNetV3Small(includeTop: false, weights: path),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("weights.h5").And.Message.Contains("weights: null"));
    }

    [Test]
    public void EfficientNetCorrectsTheOfficialStatisticsOnlyForImageNetWeights()
    {
        // Keras adds a per-channel Rescaling by 1/√σ after Normalization when it loads "imagenet" weights.
        Keras.ClearSession();
        using var random = Applications.EfficientNetB0(weights: null, includeTop: false, inputShape: [32, 32, 3]);
        Assert.That(random.Layers.Select(l => l.Name).Take(4), Is.EqualTo(new[] { "input_layer", "rescaling", "normalization", "stem_conv_pad" }));
        Assert.Throws<FileNotFoundException>(() => Applications.EfficientNetB0(includeTop: false, inputShape: [32, 32, 3]));
    }
}
