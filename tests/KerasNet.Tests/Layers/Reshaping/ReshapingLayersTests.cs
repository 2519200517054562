using System.Text.Json.Nodes;
using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>Reshaping layers: shapes, argument forms, configs, errors, and UpSampling2D's bilinear mode.</summary>
public class ReshapingLayersTests
{
    private static readonly float[,] Image = { { 1, 2, 4 }, { 3, 5, 9 } };

    // Expected values: TF2 / Keras 3 resize with half-pixel centres (align_corners=False), in numpy:
    // src = (o + 0.5)·in/out − 0.5, rows floor(src) clamped to 0 and ceil(src) clamped to in − 1, linear weights src − floor(src).
    private static readonly double[] Bilinear2x2 =
    [
        1, 1.25, 1.75, 2.5, 3.5, 4, 1.5, 1.8125, 2.4375, 3.375, 4.625, 5.25,
        2.5, 2.9375, 3.8125, 5.125, 6.875, 7.75, 3, 3.5, 4.5, 6, 8, 9,
    ];

    [Test]
    public void BilinearUpSamplingUsesHalfPixelCentres()
    {
        var x = F(Image).reshape(1, 2, 3, 1);
        var y = new UpSampling2D(size: 2, interpolation: "bilinear").Apply(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 4, 6, 1 }));
        Assert.That(Values(y), Is.EqualTo(Bilinear2x2).Within(1e-6));

        var tall = new UpSampling2D(size: [3, 1], interpolation: "bilinear").Apply(x);
        Assert.That(Values(tall), Is.EqualTo(new[] { 1, 2, 4, 1, 2, 4, 5 / 3.0, 3, 17 / 3.0, 7 / 3.0, 4, 22 / 3.0, 3, 5, 9, 3, 5, 9 }).Within(1e-5));
    }

    [Test]
    public void BilinearUpSamplingChannelsFirstMatchesChannelsLast()
    {
        var first = stack([F(Image), F(Image) * 2]).unsqueeze(0); // (1, 2, 2, 3)
        var y = new UpSampling2D(size: 2, dataFormat: "channels_first", interpolation: "bilinear").Apply(first);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 2, 4, 6 }));
        Assert.That(Values(y[0, 1]), Is.EqualTo(Bilinear2x2.Select(v => 2 * v)).Within(1e-5));
    }

    [Test]
    public void NearestUpSamplingRepeatsRowsAndColumns()
    {
        var y = new UpSampling2D(size: [1, 2]).Apply(F(Image).reshape(1, 2, 3, 1));
        Assert.That(Values(y), Is.EqualTo(new double[] { 1, 1, 2, 2, 4, 4, 3, 3, 5, 5, 9, 9 }));
        Assert.That(new UpSampling1D(3).ComputeOutputShape([new Shape([null, 4, 2])])[0], Is.EqualTo(new Shape([null, 12, 2])));
        Assert.That(new UpSampling3D(size: [1, 2, 3], dataFormat: "channels_first").ComputeOutputShape([new Shape([null, 5, 2, 2, 2])])[0],
            Is.EqualTo(new Shape([null, 5, 2, 4, 6])));
    }

    [Test]
    public void UnsupportedInterpolationsThrow()
    {
        Assert.Throws<NotSupportedException>(() => new UpSampling2D(interpolation: "bicubic"));
        Assert.Throws<KerasNetException>(() => new UpSampling2D(interpolation: "cubic"));
        Assert.Throws<KerasNetException>(() => new UpSampling2D(size: 0));
        Assert.Throws<KerasNetException>(() => new UpSampling2D(dataFormat: "NHWC"));
    }

    [Test]
    public void PaddingAndCroppingArgumentForms()
    {
        Assert.That(new ZeroPadding2D(padding: 2).Padding, Is.EqualTo(new[] { (2, 2), (2, 2) }));
        Assert.That(new ZeroPadding2D(padding: (1, 3)).Padding, Is.EqualTo(new[] { (1, 1), (3, 3) }));
        Assert.That(new ZeroPadding2D(padding: ((1, 2), (3, 4))).Padding, Is.EqualTo(new[] { (1, 2), (3, 4) }));
        Assert.That(new ZeroPadding1D(padding: (1, 3)).Padding, Is.EqualTo(new[] { (1, 3) }));
        Assert.That(new Cropping3D(cropping: ((1, 0), (0, 2), (3, 3))).Cropping, Is.EqualTo(new[] { (1, 0), (0, 2), (3, 3) }));
        Assert.That(new Cropping1D().Cropping, Is.EqualTo(new[] { (1, 1) }), "Keras default (1, 1)");
        Assert.That(new Cropping2D().Cropping, Is.EqualTo(new[] { (0, 0), (0, 0) }), "Keras default 0");
        Assert.Throws<KerasNetException>(() => new ZeroPadding2D(padding: new[] { 1, 2, 3 }));
        Assert.Throws<KerasNetException>(() => new Cropping2D(cropping: -1));
    }

    [Test]
    public void ZeroPaddingAndCroppingValues()
    {
        var x = F(Image).reshape(1, 2, 3, 1);
        var padded = new ZeroPadding2D(padding: ((1, 0), (0, 2))).Apply(x);
        Assert.That(Values(padded), Is.EqualTo(new double[] { 0, 0, 0, 0, 0, 1, 2, 4, 0, 0, 3, 5, 9, 0, 0 }));
        var cropped = new Cropping2D(cropping: ((0, 1), (1, 0))).Apply(x);
        Assert.That(Values(cropped), Is.EqualTo(new double[] { 2, 4 }));
        var first = new ZeroPadding2D(padding: ((0, 0), (1, 0)), dataFormat: "channels_first").Apply(F(Image).reshape(1, 1, 2, 3));
        Assert.That(Values(first), Is.EqualTo(new double[] { 0, 1, 2, 4, 0, 3, 5, 9 }));
    }

    [Test]
    public void CroppingEverythingAwayIsAnErrorAtBuildTime()
    {
        var input = Keras.Input(shape: [4, 4, 1]);
        var e = Assert.Throws<KerasNetException>(() => new Cropping2D(cropping: ((2, 2), (0, 0)), name: "crop").Apply(input));
        Assert.That(e!.Message, Does.Contain("crop").And.Contain("(None, 4, 4, 1)"));
    }

    [Test]
    public void ConfigsRoundTripThroughFromConfig()
    {
        var pad = new ZeroPadding3D(padding: ((1, 2), (3, 4), (5, 6)), dataFormat: "channels_first", name: "zp");
        var c = pad.GetConfig();
        Assert.That(c["padding"]!.ToJsonString(), Is.EqualTo("[[1,2],[3,4],[5,6]]"));
        var back = (ZeroPadding3D)ZeroPadding3D.FromConfig(c);
        Assert.That(back.Padding, Is.EqualTo(pad.Padding));
        Assert.That(back.DataFormat, Is.EqualTo("channels_first"));
        Assert.That(back.Name, Is.EqualTo("zp"));

        var crop = (Cropping1D)Cropping1D.FromConfig(new JsonObject { ["name"] = "c1", ["cropping"] = new JsonArray(2, 3), ["trainable"] = true, ["dtype"] = "float32" });
        Assert.That(crop.Cropping, Is.EqualTo(new[] { (2, 3) }));
        var mixed = (Cropping2D)Cropping2D.FromConfig(new JsonObject { ["cropping"] = new JsonArray(new JsonArray(1, 2), 3) });
        Assert.That(mixed.Cropping, Is.EqualTo(new[] { (1, 2), (3, 3) }));
        Assert.Throws<NotSupportedException>(() => ZeroPadding1D.FromConfig(new JsonObject { ["padding"] = 1, ["unknown"] = 2 }));
    }

    [Test]
    public void PermuteAndRepeatVector()
    {
        var x = arange(24, dtype: ScalarType.Float32).reshape(1, 2, 3, 4);
        var p = new Permute([3, 1, 2]);
        Assert.That(p.Apply(x).shape, Is.EqualTo(new long[] { 1, 4, 2, 3 }));
        Assert.That(p.ComputeOutputShape([new Shape([null, 2, 3, 4])])[0], Is.EqualTo(new Shape([null, 4, 2, 3])));
        Assert.That(Values(p.Apply(x)[0, 1, 0]), Is.EqualTo(new double[] { 1, 5, 9 }));
        var e = Assert.Throws<KerasNetException>(() => new Permute([0, 1]));
        Assert.That(e!.Message, Does.Contain("permutation"));

        var r = new RepeatVector(3).Apply(F(new float[,] { { 1, 2 } }));
        Assert.That(r.shape, Is.EqualTo(new long[] { 1, 3, 2 }));
        Assert.That(Values(r), Is.EqualTo(new double[] { 1, 2, 1, 2, 1, 2 }));
        Assert.Throws<KerasNetException>(() => new RepeatVector(0));
    }
}
