using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// One keras-js case (Fixtures/keras-js): the model config from manifest.json and the input(s), weights and
/// expected output computed by Python Keras 2.1.2 (shapes without the batch dimension, batch of 1).
/// </summary>
internal sealed record KerasJsCase(string Key, JsonObject ModelConfig, IReadOnlyList<Tensor> Inputs, IReadOnlyList<Tensor> Weights, Tensor Expected)
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "keras-js");
    private static readonly Lazy<JsonObject> Manifest = new(() => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifest.json")))!.AsObject());

    /// <summary>The keys of every case of <paramref name="family"/> (e.g. <c>merge</c>) whose class name passes <paramref name="filter"/>.</summary>
    public static IEnumerable<string> Keys(string family, Func<string, bool>? filter = null) =>
        Manifest.Value["cases"]!.AsObject().Select(p => p.Key)
            .Where(k => k.Split('.')[0] == family && (filter?.Invoke(k.Split('.')[1]) ?? true))
            .Order(StringComparer.Ordinal);

    /// <summary>Loads a case; the data file is <c>test/data/layers/&lt;family&gt;/&lt;Class&gt;.json</c> (or <c>&lt;family&gt;.json</c>).</summary>
    public static KerasJsCase Load(string key)
    {
        var parts = key.Split('.');
        var dir = Path.Combine(Root, "test", "data", "layers");
        var file = File.Exists(Path.Combine(dir, parts[0], parts[1] + ".json"))
            ? Path.Combine(dir, parts[0], parts[1] + ".json")
            : Path.Combine(dir, parts[0] + ".json");
        var data = JsonNode.Parse(File.ReadAllText(file))![key]!;
        var inputs = data["inputs"] is JsonArray many ? many.Select(t => ToTensor(t!)).ToList() : [ToTensor(data["input"]!)];
        var weights = data["weights"] is JsonArray w ? w.Select(t => ToTensor(t!, batch: false)).ToList() : [];
        var config = Manifest.Value["cases"]![key]!["model_config"]!["config"]!.AsObject();
        return new KerasJsCase(key, config, inputs, weights, ToTensor(data["expected"]!));
    }

    private static Tensor ToTensor(JsonNode t, bool batch = true)
    {
        var values = t["data"]!.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();
        long[] shape = [.. t["shape"]!.AsArray().Select(v => v!.GetValue<long>())];
        return tensor(values, batch ? [1, .. shape] : shape);
    }
}
