using System.Text.Json.Nodes;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// One keras-js conformance case (Fixtures/keras-js, computed by Python Keras 2.1.2): the layer's Keras
/// config from the manifest, its input, weights and expected output (batch of 1 added).
/// </summary>
public sealed record KerasJsLayerCase(string Key, string ClassName, JsonObject Config, Shape BatchInputShape,
    Tensor Input, IReadOnlyList<Tensor> Weights, Tensor Expected);

/// <summary>Reads the keras-js single-layer cases copied under Fixtures/keras-js.</summary>
public static class KerasJsLayerFixtures
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "keras-js");
    private static readonly Lazy<JsonObject> Manifest =
        new(() => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifest.json")))!["cases"]!);

    /// <summary>The case keys (<c>family.Class.N</c>) of the given layer classes, in file order.</summary>
    public static IEnumerable<string> CaseKeys(string family, params string[] classNames) =>
        classNames.SelectMany(c => DataFile(family, c).Select(kv => kv.Key));

    /// <summary>How many cases the manifest lists for the given layer classes.</summary>
    public static int ManifestCount(string family, params string[] classNames) =>
        Manifest.Value.Count(kv => classNames.Any(c => kv.Key.StartsWith($"{family}.{c}.", StringComparison.Ordinal)));

    /// <summary>Loads the case <paramref name="key"/>.</summary>
    public static KerasJsLayerCase Load(string key)
    {
        var parts = key.Split('.');
        var data = (JsonObject)DataFile(parts[0], parts[1])[key]!;
        var layers = (JsonArray)Manifest.Value[key]!["model_config"]!["config"]!["layers"]!;
        var inputConfig = (JsonObject)layers[0]!["config"]!;
        var layer = (JsonObject)layers[1]!;
        var batchShape = new Shape(((JsonArray)inputConfig["batch_input_shape"]!).Select(d => d is null ? null : (long?)d.GetValue<long>()));
        var weights = data["weights"] is JsonArray w ? w.Select(t => ToTensor(t!, addBatch: false)).ToList() : [];
        return new KerasJsLayerCase(key, (string)layer["class_name"]!, (JsonObject)layer["config"]!, batchShape,
            ToTensor(data["input"]!, addBatch: true), weights, ToTensor(data["expected"]!, addBatch: true));
    }

    /// <summary>Asserts equal shapes and values within <paramref name="atol"/> (1e-4: the fixture inputs are rounded to 6 decimals).</summary>
    public static void AssertMatches(Tensor actual, Tensor expected, string key, double atol = 1e-4)
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{key}: output shape");
        var diff = (actual.detach().cpu() - expected).abs().max().item<float>();
        Assert.That(diff, Is.LessThanOrEqualTo(atol), $"{key}: max |actual - expected|");
    }

    /// <summary>An int-or-tuple config value as an <see cref="KerasNet.Layers.IntTuple"/>.</summary>
    public static KerasNet.Layers.IntTuple Tuple(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => v!.GetValue<int>()).ToArray() : node!.GetValue<int>();

    private static JsonObject DataFile(string family, string className) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "test", "data", "layers", family, className + ".json")))!;

    private static Tensor ToTensor(JsonNode t, bool addBatch)
    {
        var values = ((JsonArray)t["data"]!).Select(v => v!.GetValue<float>()).ToArray();
        long[] shape = ((JsonArray)t["shape"]!).Select(d => d!.GetValue<long>()).ToArray();
        return tensor(values, addBatch ? [1, .. shape] : shape);
    }
}
