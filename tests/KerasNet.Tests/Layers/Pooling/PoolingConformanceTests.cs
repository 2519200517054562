using System.Text.Json.Nodes;
using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.Layers.KerasJsLayerFixtures;

namespace KerasNet.Tests.Layers.Pooling;

/// <summary>
/// Every case of the keras-js <c>pooling</c> family (Keras 2.1.2 outputs): the layer is built from the
/// case's Keras config and must reproduce Keras's output.
/// </summary>
public class PoolingConformanceTests
{
    private static readonly string[] Classes =
    [
        "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
        "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    ];

    private static IEnumerable<string> Cases() => CaseKeys("pooling", Classes);

    [TestCaseSource(nameof(Cases))]
    public void MatchesKeras(string key)
    {
        var c = Load(key);
        using var layer = Create(c.ClassName, c.Config);
        AssertMatches(layer.Apply(c.Input), c.Expected, key);
        Assert.That(layer.ComputeOutputShape([c.BatchInputShape])[0].WithoutBatch(), Is.EqualTo(Shape.Of(c.Expected.shape[1..])), $"{key}: ComputeOutputShape");
    }

    [Test]
    public void EveryPoolingCaseOfTheManifestIsRun() =>
        Assert.That(Cases().Count(), Is.EqualTo(ManifestCount("pooling", Classes)).And.EqualTo(88));

    /// <summary>The layer a keras-js config describes (the keys those configs use).</summary>
    private static Layer Create(string className, JsonObject c)
    {
        var dataFormat = (string?)c["data_format"] ?? "channels_last";
        IntTuple PoolSize() => Tuple(c["pool_size"]);
        IntTuple Strides() => Tuple(c["strides"]);
        string Padding() => (string)c["padding"]!;
        return className switch
        {
            "MaxPooling1D" => new MaxPooling1D(PoolSize(), Strides(), Padding(), dataFormat),
            "MaxPooling2D" => new MaxPooling2D(PoolSize(), Strides(), Padding(), dataFormat),
            "MaxPooling3D" => new MaxPooling3D(PoolSize(), Strides(), Padding(), dataFormat),
            "AveragePooling1D" => new AveragePooling1D(PoolSize(), Strides(), Padding(), dataFormat),
            "AveragePooling2D" => new AveragePooling2D(PoolSize(), Strides(), Padding(), dataFormat),
            "AveragePooling3D" => new AveragePooling3D(PoolSize(), Strides(), Padding(), dataFormat),
            "GlobalMaxPooling1D" => new GlobalMaxPooling1D(dataFormat),
            "GlobalMaxPooling2D" => new GlobalMaxPooling2D(dataFormat),
            "GlobalMaxPooling3D" => new GlobalMaxPooling3D(dataFormat),
            "GlobalAveragePooling1D" => new GlobalAveragePooling1D(dataFormat),
            "GlobalAveragePooling2D" => new GlobalAveragePooling2D(dataFormat),
            "GlobalAveragePooling3D" => new GlobalAveragePooling3D(dataFormat),
            _ => throw new ArgumentException($"No factory for {className}."),
        };
    }
}
