using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Keras;
using static TorchSharp.torch;

namespace KerasNet.Applications.Tests;

/// <summary>Keras's arguments of the applications: top or not, pooling, classes and activation, input tensors and shapes, and their errors.</summary>
public sealed class ApplicationArgumentTests
{
    private static Model SmallMobileNetV2(bool includeTop = false, string? pooling = null, int classes = 1000, string? classifierActivation = "softmax") =>
        Applications.MobileNetV2(inputShape: [96, 96, 3], alpha: 0.35, includeTop: includeTop, weights: null, pooling: pooling,
            classes: classes, classifierActivation: classifierActivation);

    [Test]
    public void PoolingChoosesTheOutput()
    {
        using var maps = SmallMobileNetV2();
        using var avg = SmallMobileNetV2(pooling: "avg");
        using var max = SmallMobileNetV2(pooling: "max");
        Assert.That(maps.Outputs[0].Shape, Is.EqualTo(new Shape([null, 3, 3, 1280])));
        Assert.That(avg.Outputs[0].Shape, Is.EqualTo(new Shape([null, 1280])));
        Assert.That(max.Layers[^1], Is.TypeOf<GlobalMaxPooling2D>());
        using var x = rand(2, 96, 96, 3);
        using var features = maps.Predict(x);
        max.SetWeights(maps.GetWeights());
        using var pooled = max.Predict(x);
        Assert.That(pooled.allclose(features.amax([1, 2])), Is.True, "max pooling of the same network's feature maps");
    }

    [Test]
    public void ClassesAndClassifierActivation()
    {
        using var softmax = SmallMobileNetV2(includeTop: true, classes: 7);
        using var logits = SmallMobileNetV2(includeTop: true, classes: 7, classifierActivation: null);
        logits.SetWeights(softmax.GetWeights());
        using var x = rand(3, 96, 96, 3);
        using var p = softmax.Predict(x);
        using var z = logits.Predict(x);
        Assert.That(p.shape, Is.EqualTo(new long[] { 3, 7 }));
        Assert.That(p.sum(1).allclose(ones(3), rtol: 1e-5, atol: 1e-6), Is.True);
        Assert.That(p.allclose(z.softmax(1), rtol: 1e-5, atol: 1e-6), Is.True);
    }

    [Test]
    public void BuildsOnAnInputTensorAndKeepsItsSourceInput()
    {
        // MobileNetV3 without its own preprocessing, fed by a Rescaling layer the caller adds: the model's input is the
        // Input() the tensor comes from, and the caller's layer is part of the model.
        var image = Input(shape: [64, 64, 3], name: "pixels");
        var scaled = new Rescaling(1.0 / 127.5, offset: -1.0).Apply(image);
        using var model = Applications.MobileNetV3Small(includeTop: false, weights: null, inputTensor: scaled, pooling: "avg", includePreprocessing: false);
        Assert.That(model.Inputs, Is.EqualTo(new[] { image }));
        Assert.That(model.Layers[1], Is.TypeOf<Rescaling>());
        Assert.That(model.Outputs[0].Shape, Is.EqualTo(new Shape([null, 576])));
        using var y = model.Predict(rand(1, 64, 64, 3).mul(255));
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 576 }));
        using var resnet = Applications.ResNet50(includeTop: false, weights: null, inputTensor: scaled, pooling: "avg");
        Assert.That(resnet.Inputs, Is.EqualTo(new[] { image }));
        Assert.That(resnet.Outputs[0].Shape, Is.EqualTo(new Shape([null, 2048])));
    }

    [Test]
    public void DefaultInputShapesFollowKeras()
    {
        using var topless = Applications.VGG16(includeTop: false, weights: null);
        Assert.That(topless.Inputs[0].Shape, Is.EqualTo(new Shape([null, null, null, 3])), "any size without the top");
        using var v3 = Applications.MobileNetV3Small(weights: null, alpha: 0.75);
        Assert.That(v3.Inputs[0].Shape, Is.EqualTo(new Shape([null, null, null, 3])), "MobileNetV3 keeps any size even with its top");
        using var mobilenet = Applications.MobileNet(inputShape: [128, 128, 3], alpha: 0.25, weights: null);
        Assert.That(mobilenet.Name, Is.EqualTo("mobilenet_0.25_128"));
    }

    [Test]
    public void ArgumentErrorsNameTheModelAndTheValue()
    {
        Assert.That(() => SmallMobileNetV2(pooling: "mean"), Throws.TypeOf<KerasNetException>().With.Message.Contains("MobileNetV2").And.Message.Contains("\"mean\""));
        Assert.That(() => Applications.ResNet50(weights: "/no/such/weights.h5"), Throws.TypeOf<KerasNetException>().With.Message.Contains("/no/such/weights.h5"));
        Assert.That(() => Applications.ResNet50(weights: "imagenet", classes: 10), Throws.TypeOf<KerasNetException>().With.Message.Contains("classes must be 1000"));
        Assert.That(() => Applications.VGG16(weights: null, includeTop: false, inputShape: [31, 31, 3]), Throws.TypeOf<KerasNetException>().With.Message.Contains("at least 32x32"));
        Assert.That(() => Applications.InceptionV3(weights: null, includeTop: false, inputShape: [74, 74, 3]), Throws.TypeOf<KerasNetException>().With.Message.Contains("at least 75x75"));
        Assert.That(() => Applications.VGG16(weights: null, inputShape: [64, 64]), Throws.TypeOf<KerasNetException>().With.Message.Contains("three dimensions"));
        Assert.That(() => Applications.VGG16(weights: null, inputShape: new Shape([null, null, 3])), Throws.TypeOf<KerasNetException>().With.Message.Contains("fully known"));
        Assert.That(() => Applications.MobileNetV3Large(inputShape: [16, 16, 3], weights: null), Throws.TypeOf<KerasNetException>().With.Message.Contains("at least 32x32"));
        Assert.That(() => Applications.MobileNetV2(alpha: 0.6), Throws.TypeOf<KerasNetException>().With.Message.Contains("0.35, 0.5, 0.75, 1.0, 1.3 and 1.4"));
        Assert.That(() => Applications.MobileNetV3Small(alpha: 0.75, minimalistic: true), Throws.TypeOf<KerasNetException>().With.Message.Contains("minimalistic"));
        Assert.That(() => Applications.MobileNet(depthMultiplier: 2), Throws.TypeOf<KerasNetException>().With.Message.Contains("depthMultiplier 1"));
        Assert.That(() => Applications.ConvNeXtTiny(name: "tiny"), Throws.TypeOf<KerasNetException>().With.Message.Contains("convnext_tiny"));
        Assert.That(() => SmallMobileNetV2(includeTop: true, classifierActivation: "no_such_activation"), Throws.InstanceOf<Exception>().With.Message.Contains("no_such_activation"));
    }

    [Test]
    public void PretrainedWeightsAllowOnlySoftmaxOrLogits()
    {
        Assert.That(() => Applications.MobileNetV3Small(classifierActivation: "relu"),
            Throws.TypeOf<KerasNetException>().With.Message.Contains("softmax\" or null").And.Message.Contains("relu"));
    }
}
