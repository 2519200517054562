using System.Text.Json.Nodes;
using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.Layers.KerasJsLayerFixtures;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>
/// Every convolution case of the keras-js <c>convolutional</c> family (Keras 2.1.2 outputs): the layer is
/// built from the case's Keras config, given the case's weights and must reproduce Keras's output.
/// </summary>
public class ConvConformanceTests
{
    private static readonly string[] Classes = ["Conv1D", "Conv2D", "Conv2DTranspose", "Conv3D", "SeparableConv2D"];

    private static IEnumerable<string> Cases() => CaseKeys("convolutional", Classes);

    [TestCaseSource(nameof(Cases))]
    public void MatchesKeras(string key)
    {
        var c = Load(key);
        using var layer = Create(c.ClassName, c.Config);
        layer.EnsureBuilt(c.BatchInputShape);
        layer.SetWeights(c.Weights);
        AssertMatches(layer.Apply(c.Input), c.Expected, key);
        Assert.That(layer.ComputeOutputShape([c.BatchInputShape])[0].WithoutBatch(), Is.EqualTo(Shape.Of(c.Expected.shape[1..])), $"{key}: ComputeOutputShape");
    }

    [Test]
    public void EveryConvolutionCaseOfTheManifestIsRun() =>
        Assert.That(Cases().Count(), Is.EqualTo(ManifestCount("convolutional", Classes)).And.EqualTo(37));

    /// <summary>The layer a keras-js config describes (the keys those configs use).</summary>
    private static Layer Create(string className, JsonObject c)
    {
        var filters = c["filters"]!.GetValue<int>();
        var kernelSize = Tuple(c["kernel_size"]);
        var strides = Tuple(c["strides"]);
        var padding = (string)c["padding"]!;
        var dataFormat = (string?)c["data_format"] ?? "channels_last";
        var activation = (string)c["activation"]!;
        var useBias = (bool)c["use_bias"]!;
        return className switch
        {
            "Conv1D" => new Conv1D(filters, kernelSize, strides, padding, dilationRate: Tuple(c["dilation_rate"]), activation: activation, useBias: useBias),
            "Conv2D" => new Conv2D(filters, kernelSize, strides, padding, dataFormat, Tuple(c["dilation_rate"]), activation: activation, useBias: useBias),
            "Conv3D" => new Conv3D(filters, kernelSize, strides, padding, dataFormat, Tuple(c["dilation_rate"]), activation: activation, useBias: useBias),
            "Conv2DTranspose" => new Conv2DTranspose(filters, kernelSize, strides, padding, dataFormat: dataFormat, activation: activation, useBias: useBias),
            "SeparableConv2D" => new SeparableConv2D(filters, kernelSize, strides, padding, dataFormat, Tuple(c["dilation_rate"]),
                depthMultiplier: c["depth_multiplier"]!.GetValue<int>(), activation: activation, useBias: useBias),
            _ => throw new ArgumentException($"No factory for {className}."),
        };
    }
}
