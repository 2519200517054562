using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Saving;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;
using KerasNormalization = KerasNet.Layers.Normalization;

namespace KerasNet.Tests.Layers;

/// <summary>Normalization (adapt, given statistics, invert) and Rescaling; expected values from Keras's docstrings.</summary>
public class PreprocessingLayersTests
{
    private static readonly float[,] AdaptData = { { 0, 7, 4 }, { 2, 9, 6 }, { 0, 7, 4 }, { 2, 9, 6 } };

    [Test]
    public void AdaptLearnsPerFeatureMeanAndVariance()
    {
        // Keras docstring: adapt on AdaptData, then [[0, 7, 4]] → [-1, -1, -1].
        var layer = new KerasNormalization(axis: -1);
        layer.Adapt(F(AdaptData));
        Assert.That(layer.AdaptMean!.ToArray(), Is.EqualTo(new[] { 1f, 8f, 5f }));
        Assert.That(layer.AdaptVariance!.ToArray(), Is.EqualTo(new[] { 1f, 1f, 1f }));
        Assert.That(Values(layer.Apply(F(new float[,] { { 0, 7, 4 } }))), Is.EqualTo(new[] { -1.0, -1.0, -1.0 }).Within(1e-6));
        Assert.That(layer.Weights.Select(w => w.Name), Is.EqualTo(new[] { "mean", "variance", "count" }));
        Assert.That(layer.Weights[2].DType, Is.EqualTo(ScalarType.Int64));
    }

    [Test]
    public void InvertUndoesTheNormalization()
    {
        // Keras docstring: invert=True after the same adapt maps [[1, 2, 3]] to [[2, 10, 8]].
        var layer = new KerasNormalization(axis: -1, invert: true);
        layer.Adapt(F(AdaptData));
        Assert.That(Values(layer.Apply(F(new float[,] { { 1, 2, 3 } }))), Is.EqualTo(new[] { 2.0, 10.0, 8.0 }).Within(1e-6));
    }

    [Test]
    public void GivenScalarMeanAndVariance()
    {
        // Keras docstring: mean=3, variance=2 on [[1], [2], [3]] gives [-1.4142135, -0.70710677, 0].
        var layer = new KerasNormalization(mean: tensor(3f), variance: tensor(2f));
        Assert.That(Values(layer.Apply(F(new float[,] { { 1 }, { 2 }, { 3 } }))), Is.EqualTo(new[] { -1.4142135, -0.70710677, 0 }).Within(1e-6));
        Assert.That(layer.Weights, Is.Empty);
    }

    [Test]
    public void AdaptOverBatchesCombinesExactly()
    {
        var data = F(new float[,] { { 1, -2 }, { 4, 0 }, { 0, 5 }, { 3, 3 }, { 7, 1 } });
        var whole = new KerasNormalization();
        whole.Adapt(data);
        var streamed = new KerasNormalization();
        streamed.Adapt([data.narrow(0, 0, 1), data.narrow(0, 1, 3), data.narrow(0, 4, 1)]);
        // numpy: data.mean(0) = [3, 1.4], data.var(0) = [6, 5.84]
        Assert.That(streamed.AdaptMean!.ToArray(), Is.EqualTo(new[] { 3.0, 1.4 }).Within(1e-5));
        Assert.That(streamed.AdaptVariance!.ToArray(), Is.EqualTo(new[] { 6.0, 5.84 }).Within(1e-5));
        Assert.That(whole.AdaptVariance!.ToArray(), Is.EqualTo(new[] { 6.0, 5.84 }).Within(1e-5));
    }

    [Test]
    public void AxisNoneUsesOneStatisticAndSeveralAxesKeepTheirPositions()
    {
        var overall = new KerasNormalization(axis: []);
        overall.Adapt(F(AdaptData));
        // numpy: AdaptData.mean() = 14/3, AdaptData.var() = 83/9
        Assert.That(Scalar(overall.AdaptMean!.Value), Is.EqualTo(14 / 3.0).Within(1e-5));
        Assert.That(Scalar(overall.AdaptVariance!.Value), Is.EqualTo(83 / 9.0).Within(1e-5));

        var perCell = new KerasNormalization(axis: [1, 2]);
        perCell.Adapt(arange(12, dtype: ScalarType.Float32).reshape(3, 2, 2));
        Assert.That(perCell.AdaptMean!.ToArray(), Is.EqualTo(new[] { 4f, 5f, 6f, 7f }));
        Assert.That(perCell.AdaptVariance!.ToArray(), Is.EqualTo(new[] { 32f / 3, 32f / 3, 32f / 3, 32f / 3 }).Within(1e-5));
    }

    [Test]
    public void BadStatisticsAndDataAreRejected()
    {
        Assert.Throws<KerasNetException>(() => new KerasNormalization(mean: tensor(1f)));
        Assert.Throws<KerasNetException>(() => new KerasNormalization(mean: ones(2), variance: ones(3)));
        var layer = new KerasNormalization(name: "norm");
        layer.Adapt(ones(4, 3));
        var e = Assert.Throws<KerasNetException>(() => layer.Adapt(ones(4, 2)));
        Assert.That(e!.Message, Does.Contain("norm").And.Contain("(4, 2)"));
        Assert.Throws<KerasNetException>(() => new KerasNormalization(mean: ones(2), variance: ones(2)).Adapt(ones(2, 2)));
    }

    [Test]
    public void ConfigRoundTripsWithGivenStatistics()
    {
        var layer = new KerasNormalization(axis: -1, mean: tensor(new[] { 1f, 2f }), variance: tensor(new[] { 4f, 9f }), invert: false, name: "n");
        var config = layer.GetConfig();
        Assert.That(config["mean"]!.ToJsonString(), Is.EqualTo("[1,2]"));
        var back = (KerasNormalization)KerasNormalization.FromConfig(config);
        Assert.That(Values(back.Apply(F(new float[,] { { 3, 8 } }))), Is.EqualTo(new[] { 1.0, 2.0 }).Within(1e-6));
        var none = (KerasNormalization)KerasNormalization.FromConfig(new JsonObject { ["axis"] = null, ["mean"] = 2.0, ["variance"] = 4.0, ["invert"] = true });
        Assert.That(none.Axis, Is.Empty);
        Assert.That(Values(none.Apply(F(new float[,] { { 1, -1 } }))), Is.EqualTo(new[] { 4.0, 0.0 }));
    }

    [Test]
    public void RescalingScalesAndOffsets()
    {
        var y = new Rescaling(1.0 / 255).Apply(tensor(new long[,] { { 0, 255, 51 } }));
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(Values(y), Is.EqualTo(new[] { 0, 1, 0.2 }).Within(1e-6));
        Assert.That(Values(new Rescaling(2, offset: -1).Apply(F(new float[,] { { 0, 0.5f } }))), Is.EqualTo(new[] { -1.0, 0.0 }));
        var c = new Rescaling(0.5, 0.25).GetConfig();
        Assert.That(((double)c["scale"]!, (double)c["offset"]!), Is.EqualTo((0.5, 0.25)));
    }

    [Test]
    public void RescalingTakesPerChannelScalesAndOffsets()
    {
        // Keras broadcasts list-valued scale and offset against the last axis (EfficientNet's ImageNet rescaling).
        var layer = new Rescaling(new[] { 1.0, 2.0, 4.0 }, offset: new[] { 0.0, -1.0, 0.5 });
        var y = layer.Apply(F(new float[,] { { 1, 1, 1 }, { 2, 3, -1 } }));
        Assert.That(Values(y), Is.EqualTo(new[] { 1.0, 1.0, 4.5, 2.0, 5.0, -3.5 }));
        var c = layer.GetConfig();
        Assert.That(c["scale"]!.ToJsonString(), Is.EqualTo("[1,2,4]"));
        Assert.That(c["offset"]!.ToJsonString(), Is.EqualTo("[0,-1,0.5]"));
        var read = (Rescaling)LayerDeserializer.FromConfig("Rescaling", new JsonObject { ["scale"] = new JsonArray(1.0, 2.0, 4.0), ["offset"] = 0.5 });
        Assert.That((read.Scale.ToArray(), read.Scale.IsScalar, read.Offset.IsScalar, read.Offset[0]), Is.EqualTo((new[] { 1.0, 2.0, 4.0 }, false, true, 0.5)));
        Assert.That(() => new Rescaling(new[] { 1.0, 2.0 }).Apply(F(new float[,] { { 1, 2, 3 } })),
            Throws.TypeOf<KerasNetException>().With.Message.Contains("2 values").And.Message.Contains("size 3"));
        Assert.That(() => new Rescaling(new[] { 1.0, double.NaN }), Throws.TypeOf<KerasNetException>().With.Message.Contains("finite"));
    }
}
