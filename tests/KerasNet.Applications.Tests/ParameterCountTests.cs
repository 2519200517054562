using KerasNet.Models;
using NUnit.Framework;

namespace KerasNet.Applications.Tests;

/// <summary>
/// Every application's parameter count with the top, against Keras's: the totals of Keras's applications table
/// (keras.io/api/applications), and where Keras printed them (<c>model.summary()</c>, <c>len(model.weights)</c>,
/// <c>len(model.trainable_weights)</c> of the tf.keras applications) the trainable/non-trainable split and the number of
/// weight arrays, which pin down the layers that hold weights. Built without a forward pass; each model is released
/// before the next.
/// </summary>
public sealed class ParameterCountTests
{
    /// <summary>Keras's figures; the split and weight counts are null where Keras's documentation has none.</summary>
    public sealed record Reference(string Model, Func<Model> Build, long Total, long? NonTrainable = null, int? Weights = null, int? TrainableWeights = null)
    {
        public override string ToString() => Model;
    }

    private static IEnumerable<Reference> References()
    {
        yield return new("VGG16", () => Applications.VGG16(weights: null), 138_357_544, 0, 32, 32);
        yield return new("VGG19", () => Applications.VGG19(weights: null), 143_667_240, 0, 38, 38);
        yield return new("ResNet50", () => Applications.ResNet50(weights: null), 25_636_712, 53_120, 320, 214);
        yield return new("ResNet101", () => Applications.ResNet101(weights: null), 44_707_176, 105_344, 626, 418);
        yield return new("ResNet152", () => Applications.ResNet152(weights: null), 60_419_944, 151_424, 932, 622);
        yield return new("ResNet50V2", () => Applications.ResNet50V2(weights: null), 25_613_800, 45_440, 272, 174);
        yield return new("ResNet101V2", () => Applications.ResNet101V2(weights: null), 44_675_560, 97_664, 544, 344);
        yield return new("ResNet152V2", () => Applications.ResNet152V2(weights: null), 60_380_648, 143_744, 816, 514);
        yield return new("MobileNet", () => Applications.MobileNet(weights: null), 4_253_864, 21_888, 137, 83);
        yield return new("MobileNetV2", () => Applications.MobileNetV2(weights: null), 3_538_984, 34_112, 262, 158);
        yield return new("MobileNetV3Small", () => Applications.MobileNetV3Small(weights: null), 2_554_968, 12_112, 210, 142);
        yield return new("MobileNetV3Large", () => Applications.MobileNetV3Large(weights: null), 5_507_432, 24_400, 266, 174);
        yield return new("DenseNet121", () => Applications.DenseNet121(weights: null), 8_062_504, 83_648, 606, 364);
        yield return new("DenseNet169", () => Applications.DenseNet169(weights: null), 14_307_880, 158_400, 846, 508);
        yield return new("DenseNet201", () => Applications.DenseNet201(weights: null), 20_242_984, 229_056, 1006, 604);
        yield return new("InceptionV3", () => Applications.InceptionV3(weights: null), 23_851_784, 34_432, 378, 190);
        yield return new("Xception", () => Applications.Xception(weights: null), 22_910_480, 54_528, 236, 156);
        // EfficientNet's Normalization layer holds mean, variance and count: 7 non-trainable scalars, 3 weight arrays.
        yield return new("EfficientNetB0", () => Applications.EfficientNetB0(weights: null), 5_330_571, 42_023, 314, 213);
        yield return new("EfficientNetB1", () => Applications.EfficientNetB1(weights: null), 7_856_239, 62_055, 442, 301);
        yield return new("EfficientNetB2", () => Applications.EfficientNetB2(weights: null), 9_177_569);
        yield return new("EfficientNetB3", () => Applications.EfficientNetB3(weights: null), 12_320_535);
        yield return new("EfficientNetB4", () => Applications.EfficientNetB4(weights: null), 19_466_823);
        yield return new("EfficientNetB5", () => Applications.EfficientNetB5(weights: null), 30_562_527);
        yield return new("EfficientNetB6", () => Applications.EfficientNetB6(weights: null), 43_265_143);
        yield return new("EfficientNetB7", () => Applications.EfficientNetB7(weights: null), 66_658_687, 310_727, 1040, 711);
        // ConvNeXt has no batch normalization: every parameter trains (Keras's 28.6M; the same network as torchvision's 28,589,128).
        yield return new("ConvNeXtTiny", () => Applications.ConvNeXtTiny(weights: null), 28_589_128, 0);
    }

    [TestCaseSource(nameof(References))]
    public void CountsMatchKeras(Reference reference)
    {
        using var model = reference.Build();
        Assert.That(model.CountParams(), Is.EqualTo(reference.Total), "total parameters");
        if (reference.NonTrainable is long nonTrainable)
        {
            Assert.That(model.NonTrainableWeights.Sum(w => w.Value.numel()), Is.EqualTo(nonTrainable), "non-trainable parameters");
            Assert.That(model.TrainableWeights.Sum(w => w.Value.numel()), Is.EqualTo(reference.Total - nonTrainable), "trainable parameters");
        }
        if (reference.Weights is int weights)
        {
            Assert.That(model.Weights, Has.Count.EqualTo(weights), "weight arrays");
            Assert.That(model.TrainableWeights, Has.Count.EqualTo(reference.TrainableWeights), "trainable weight arrays");
        }
    }
}
