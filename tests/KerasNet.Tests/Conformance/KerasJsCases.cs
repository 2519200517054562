using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Conformance;

/// <summary>One keras-js case: its Keras model config and the data Keras 2.1.2 produced for it.</summary>
public sealed record KerasJsCase(string Key, string Family, JsonObject ModelConfig, int PredictCalls, JsonObject Data)
{
    /// <summary>Tensors of <c>{"data": […], "shape": […]}</c> entries, with a batch dimension of 1 when asked.</summary>
    public static Tensor ToTensor(JsonNode entry, bool addBatch)
    {
        var data = entry["data"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        var shape = entry["shape"]!.AsArray().Select(v => v!.GetValue<long>()).ToList();
        if (addBatch) shape.Insert(0, 1);
        return tensor(data).reshape([.. shape]);
    }

    /// <summary>The model inputs (graph cases have several), batch of 1.</summary>
    public IReadOnlyList<Tensor> Inputs() =>
        Data["inputs"] is JsonArray many ? many.Select(e => ToTensor(e!, true)).ToList() : [ToTensor(Data["input"]!, true)];

    /// <summary>The weights in Keras <c>model.get_weights()</c> order.</summary>
    public IReadOnlyList<Tensor> Weights() =>
        Data["weights"] is JsonArray w ? w.Select(e => ToTensor(e!, false)).ToList() : [];

    /// <summary>The expected output of the last predict call, batch of 1.</summary>
    public Tensor Expected() => ToTensor(Data["expected"]!, true);
}

/// <summary>
/// The keras-js conformance cases (Fixtures/keras-js, MIT, computed by Keras 2.1.2; see SOURCES in the shared
/// conformance folder): 301 model cases in 12 families, with a per-family tally of passed cases.
/// </summary>
public static class KerasJsCases
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "keras-js");
    private static readonly Lazy<IReadOnlyDictionary<string, KerasJsCase>> All = new(Load);
    private static readonly ConcurrentDictionary<string, int> PassedByFamily = new();

    /// <summary>The families in report order.</summary>
    public static readonly string[] Families =
        ["advanced_activations", "convolutional", "core", "embeddings", "merge", "noise", "normalization", "pooling", "recurrent", "wrappers", "graph", "pipeline"];

    /// <summary>The test cases of one family, named by their keras-js key (<c>convolutional.Conv2D.3</c>).</summary>
    public static IEnumerable<TestCaseData> Family(string family) =>
        All.Value.Values.Where(c => c.Family == family).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new TestCaseData(c.Key).SetName(c.Key));

    /// <summary>Every case.</summary>
    public static IReadOnlyDictionary<string, KerasJsCase> Cases => All.Value;

    /// <summary>The case called <paramref name="key"/>.</summary>
    public static KerasJsCase Get(string key) => All.Value[key];

    /// <summary>Counts a passed case.</summary>
    public static void RecordPass(KerasJsCase c) => PassedByFamily.AddOrUpdate(c.Family, 1, (_, n) => n + 1);

    /// <summary><c>conformance: core 27/27, …</c> for the families that ran.</summary>
    public static string Report()
    {
        var parts = Families.Select(f =>
        {
            int cases = All.Value.Values.Count(c => c.Family == f);
            return $"{f} {PassedByFamily.GetValueOrDefault(f)}/{cases}";
        });
        return $"conformance: {string.Join(", ", parts)} (total {PassedByFamily.Values.Sum()}/{All.Value.Count})";
    }

    private static Dictionary<string, KerasJsCase> Load()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifest.json")))!["cases"]!.AsObject();
        var data = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "test", "data"), "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "activations.json") continue; // raw activation-function cases, not models
            foreach (var (key, value) in JsonNode.Parse(File.ReadAllText(file))!.AsObject())
                data[key] = value!.AsObject();
        }
        var cases = new Dictionary<string, KerasJsCase>(StringComparer.Ordinal);
        foreach (var (key, caseData) in data)
        {
            JsonObject config;
            int calls = 1;
            if (manifest[key] is JsonObject entry)
            {
                config = entry["model_config"]!.AsObject();
                calls = entry["predict_calls"]!.GetValue<int>();
            }
            else if (key == "core.Flatten.0") config = FlattenOfVectorConfig();
            else throw new InvalidOperationException($"keras-js case '{key}' has data but no model config in manifest.json.");
            cases[key] = new KerasJsCase(key, FamilyOf(key), config, calls, caseData);
        }
        return cases;
    }

    private static string FamilyOf(string key) => key.StartsWith("graph_") ? "graph" : key.StartsWith("pipeline_") ? "pipeline" : key.Split('.')[0];

    /// <summary>
    /// core.Flatten.0 has data but no config in the manifest (its notebook cell failed with a NameError): Flatten of a
    /// 6-vector, whose expected output equals its input. Rebuilt here as <c>Input((6,)) → Flatten</c> in the manifest's
    /// format; Keras 3's Flatten leaves a (batch, 6) input as it is.
    /// </summary>
    private static JsonObject FlattenOfVectorConfig() => JsonNode.Parse("""
        {"class_name": "Model", "keras_version": "2.1.2", "backend": "tensorflow", "config": {
          "name": "model_1", "input_layers": [["input_1", 0, 0]], "output_layers": [["flatten_1", 0, 0]],
          "layers": [
            {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [],
             "config": {"batch_input_shape": [null, 6], "dtype": "float32", "name": "input_1", "sparse": false}},
            {"class_name": "Flatten", "name": "flatten_1", "inbound_nodes": [[["input_1", 0, 0, {}]]],
             "config": {"name": "flatten_1"}}]}}
        """)!.AsObject();
}
