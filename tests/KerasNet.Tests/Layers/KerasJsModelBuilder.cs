using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// Builds a keras-js case's Functional model (Keras 2.1.2 config: layers with inbound nodes) with the Functional API,
/// creating each layer from its config with a small per-class table, and loads the case's weights layer by layer.
/// </summary>
internal static class KerasJsModelBuilder
{
    public static Model Build(KerasJsCase c)
    {
        var tensors = new Dictionary<string, KerasTensor>();
        var layers = new List<Layer>();
        foreach (var node in c.ModelConfig["layers"]!.AsArray())
        {
            var className = node!["class_name"]!.GetValue<string>();
            var config = node["config"]!.AsObject();
            var name = node["name"]!.GetValue<string>();
            if (className == "InputLayer")
            {
                var shape = new Shape(config["batch_input_shape"]!.AsArray().Select(d => d is null ? null : (long?)d.GetValue<long>()));
                tensors[name] = Keras.Input(batchShape: shape, name: name);
                continue;
            }
            var layer = Create(className, config);
            var inbound = node["inbound_nodes"]![0]!.AsArray().Select(i => tensors[i![0]!.GetValue<string>()]).ToList();
            tensors[name] = inbound.Count == 1 ? layer.Apply(inbound[0]) : layer.Apply(inbound);
            layers.Add(layer);
        }
        KerasTensor Endpoint(JsonNode? n) => tensors[n![0]!.GetValue<string>()];
        var model = new Model(c.ModelConfig["input_layers"]!.AsArray().Select(Endpoint).ToList(),
            c.ModelConfig["output_layers"]!.AsArray().Select(Endpoint).ToList());
        int next = 0;
        foreach (var layer in layers)
        {
            int count = layer.Weights.Count;
            layer.SetWeights(c.Weights.Skip(next).Take(count).ToList());
            next += count;
        }
        if (next != c.Weights.Count) throw new InvalidOperationException($"{c.Key}: {c.Weights.Count} weight arrays given, the model takes {next}.");
        return model;
    }

    private static Layer Create(string className, JsonObject c)
    {
        string name = c["name"]!.GetValue<string>();
        double D(string key, double fallback) => c[key] is { } v ? v.GetValue<double>() : fallback;
        bool B(string key, bool fallback) => c[key] is { } v ? v.GetValue<bool>() : fallback;
        int I(string key) => c[key]!.GetValue<int>();
        int[] Ints(string key) => c[key] is JsonArray a ? a.Select(v => v!.GetValue<int>()).ToArray() : [I(key)];
        string DataFormat() => c["data_format"]?.GetValue<string>() ?? "channels_last";
        // Keras 2.1.2 wrote these configs: activation names mean Keras 2's functions (hard_sigmoid differs in Keras 3).
        KerasNet.Activations.ActivationFunction Act() => KerasNet.Activations.Activations.Get(c["activation"]?.GetValue<string>(), kerasMajorVersion: 2);
        return className switch
        {
            "Dense" => new Dense(I("units"), Act(), useBias: B("use_bias", true), name: name),
            "Activation" => new Activation(Act(), name: name),
            "Dropout" => new Dropout(D("rate", 0), name: name),
            "Flatten" => new Flatten(name: name),
            "Reshape" => new Reshape(Ints("target_shape").Select(d => (long)d).ToArray(), name: name),
            "Permute" => new Permute(Ints("dims"), name: name),
            "RepeatVector" => new RepeatVector(I("n"), name: name),
            "Cropping1D" => Cropping1D.FromConfig(c),
            "Cropping2D" => Cropping2D.FromConfig(c),
            "Cropping3D" => Cropping3D.FromConfig(c),
            "ZeroPadding1D" => ZeroPadding1D.FromConfig(c),
            "ZeroPadding2D" => ZeroPadding2D.FromConfig(c),
            "ZeroPadding3D" => ZeroPadding3D.FromConfig(c),
            "UpSampling1D" => new UpSampling1D(I("size"), name: name),
            "UpSampling2D" => new UpSampling2D(Ints("size"), DataFormat(), name: name),
            "UpSampling3D" => new UpSampling3D(Ints("size"), DataFormat(), name: name),
            "BatchNormalization" => new BatchNormalization(Ints("axis"), D("momentum", 0.99), D("epsilon", 1e-3), B("center", true), B("scale", true), name: name),
            "Embedding" => new Embedding(I("input_dim"), I("output_dim"), maskZero: B("mask_zero", false), inputLength: c["input_length"]?.GetValue<int>(), name: name),
            "Add" => new Add(name),
            "Subtract" => new Subtract(name),
            "Multiply" => new Multiply(name),
            "Average" => new Average(name),
            "Maximum" => new Maximum(name),
            "Minimum" => new Minimum(name),
            "Concatenate" => new Concatenate(c["axis"] is { } a ? a.GetValue<int>() : -1, name),
            "Dot" => new Dot(Ints("axes"), B("normalize", false), name),
            "LeakyReLU" => LeakyReLU.FromConfig(c),
            "ELU" => new ELU(D("alpha", 1.0), name),
            "PReLU" => new PReLU(name: name),
            "ThresholdedReLU" => new ThresholdedReLU(D("theta", 1.0), name),
            "GaussianNoise" => new GaussianNoise(D("stddev", 0), name: name),
            "GaussianDropout" => new GaussianDropout(D("rate", 0), name: name),
            _ => throw new NotSupportedException($"No test factory for {className}."),
        };
    }
}
