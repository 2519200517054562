using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Tests.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

/// <summary>
/// <c>Model.GetConfig</c>/<c>ToJson</c> write what Keras writes: the Functional config with Keras 3 <c>{"args", "kwargs"}</c>
/// inbound nodes (node indices counted among the model's own calls; in input/output layers nested Functional models'
/// calls from 1) and the Sequential config.
/// </summary>
public class ModelConfigTests
{
    private static string Text(JsonNode? node) => node!.ToJsonString();

    private static JsonObject Entry(JsonObject config, string layerName) =>
        config["layers"]!.AsArray().Select(l => l!.AsObject()).Single(l => (string)l["name"]! == layerName);

    /// <summary>A tensor as Keras 3 writes it in a node: <c>__keras_tensor__</c> with shape, dtype and history.</summary>
    internal static string Kt(string layer, int node, int tensor, int features = 2) =>
        """{"class_name":"__keras_tensor__","config":{"shape":[null,""" + features + """],"dtype":"float32","keras_history":[""" +
        $"\"{layer}\",{node},{tensor}" + "]}}";

    /// <summary>One Keras 3 node with the given positional arguments and keyword arguments.</summary>
    internal static string KerasNode(string args, string kwargs = "{}") => """{"args":[""" + args + """],"kwargs":""" + kwargs + "}";

    [Test]
    public void FunctionalConfigHasKerasKeysLayerOrderAndKeras3Nodes()
    {
        // The two-branch model of ModelConfigReaderTests.TwoBranchKeras2, built in code.
        var input1 = Input(shape: [2], name: "input_1");
        var input2 = Input(shape: [2], name: "input_2");
        var a = new Dense(2, name: "a2").Apply(new Dense(2, name: "a1").Apply(input1));
        var b = new Dense(2, name: "b2").Apply(new Dense(2, name: "b1").Apply(input2));
        var cat = new Concatenate(name: "cat").ApplyMulti([a, b], new Dictionary<string, object?> { ["flag"] = true, ["scale"] = 2 })[0];
        using var model = new Model([input1, input2], [new Dense(1, name: "out").Apply(cat)], name: "two_branch");

        var json = JsonNode.Parse(model.ToJson())!.AsObject();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "class_name", "config" }));
        Assert.That((string)json["class_name"]!, Is.EqualTo("Functional"));
        var config = json["config"]!.AsObject();
        Assert.That(config.Select(p => p.Key), Is.EqualTo(new[] { "name", "trainable", "layers", "input_layers", "output_layers" }));
        Assert.That((string)config["name"]!, Is.EqualTo("two_branch"));
        Assert.That((bool)config["trainable"]!, Is.True);
        var layers = config["layers"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.That(layers.Select(l => (string)l["name"]!), Is.EqualTo(new[] { "input_1", "input_2", "a1", "b1", "a2", "b2", "cat", "out" }));
        Assert.That(layers.Select(l => (string)l["class_name"]!),
            Is.EqualTo(new[] { "InputLayer", "InputLayer", "Dense", "Dense", "Dense", "Dense", "Concatenate", "Dense" }));
        Assert.That(layers.All(l => l.Select(p => p.Key).SequenceEqual(["class_name", "config", "name", "inbound_nodes"])), Is.True);

        Assert.That(Text(Entry(config, "input_1")["inbound_nodes"]), Is.EqualTo("[]"));
        Assert.That(Text(Entry(config, "a1")["inbound_nodes"]), Is.EqualTo($"[{KerasNode(Kt("input_1", 0, 0))}]"));
        Assert.That(Text(Entry(config, "cat")["inbound_nodes"]),
            Is.EqualTo("[" + KerasNode($"[{Kt("a2", 0, 0)},{Kt("b2", 0, 0)}]", """{"flag":true,"scale":2}""") + "]"), "a list of inputs is one argument");
        Assert.That(Text(Entry(config, "cat")["config"]), Is.EqualTo("""{"name":"cat","trainable":true,"dtype":"float32","axis":-1}"""));
        Assert.That(Text(Entry(config, "input_2")["config"]), Is.EqualTo("""{"batch_shape":[null,2],"dtype":"float32","sparse":false,"name":"input_2"}"""));
        Assert.That(Text(config["input_layers"]), Is.EqualTo("""[["input_1",0,0],["input_2",0,0]]"""));
        Assert.That(Text(config["output_layers"]), Is.EqualTo("""[["out",0,0]]"""));
    }

    [Test]
    public void SharedLayerNodesAreCountedAmongTheModelsOwnCalls()
    {
        // 'shared' is first called outside the model (its node 0 there), then twice inside: here those calls are 0 and 1.
        var shared = new Dense(2, kernelInitializer: "identity", name: "shared");
        shared.Apply(Input(shape: [2], name: "elsewhere"));
        var x = Input(shape: [2], name: "x");
        var once = shared.Apply(x);
        var twice = shared.Apply(once);
        using var model = new Model([x], [new Concatenate(name: "both").Apply([once, twice])], name: "reuse");

        var config = model.GetConfig();
        Assert.That(Text(Entry(config, "shared")["inbound_nodes"]), Is.EqualTo($"[{KerasNode(Kt("x", 0, 0))},{KerasNode(Kt("shared", 0, 0))}]"));
        Assert.That(Text(Entry(config, "both")["inbound_nodes"]), Is.EqualTo($"[{KerasNode($"[{Kt("shared", 0, 0)},{Kt("shared", 1, 0)}]")}]"));

        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        rebuilt.SetWeights(model.GetWeights());
        // Identity kernel, zero bias: both calls return x.
        Assert.That(Floats(rebuilt.Predict(T([3, -4], 1, 2))), Is.EqualTo(new[] { 3f, -4f, 3f, -4f }));
    }

    [Test]
    public void NestedModelCallsCountFromOneAsKerasWritesThem()
    {
        var innerIn = Input(shape: [2], name: "inner_in");
        var inner = new Model(innerIn, new Dense(2, name: "inner_dense").Apply(innerIn), name: "inner");
        var seq = new Sequential([new Dense(1, inputShape: [2], name: "seq_dense")], name: "seq");
        var x = Input(shape: [2], name: "x");
        var h = inner.Apply(x);
        using var model = new Model([x], [h, seq.Apply(h)], name: "outer");

        var config = model.GetConfig();
        Assert.That((string)Entry(config, "inner")["class_name"]!, Is.EqualTo("Functional"));
        Assert.That((string)Entry(config, "seq")["class_name"]!, Is.EqualTo("Sequential"));
        Assert.That(Text(Entry(config, "seq")["inbound_nodes"]), Is.EqualTo($"[{KerasNode(Kt("inner", 0, 0))}]"), "nodes count a nested model's calls from 0");
        Assert.That(Text(config["output_layers"]), Is.EqualTo("""[["inner",1,0],["seq",0,0]]"""), "Keras 3 counts from 1 for Functional models only");
        Assert.That(Text(Entry(config, "inner")["config"]!["output_layers"]), Is.EqualTo("""[["inner_dense",0,0]]"""));

        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        ModelConfigReaderTests.CheckNested(rebuilt); // the same model as the reader's nested-model cases
    }

    [Test]
    public void SequentialConfigListsItsInputLayerThenItsLayers()
    {
        using var model = new Sequential([
            new Dense(3, activation: "relu", inputShape: [4], name: "d1"),
            new Dense(2, name: "d2"),
        ], name: "stack");
        var json = JsonNode.Parse(model.ToJson())!.AsObject();
        Assert.That((string)json["class_name"]!, Is.EqualTo("Sequential"));
        var config = json["config"]!.AsObject();
        Assert.That(config.Select(p => p.Key), Is.EqualTo(new[] { "name", "trainable", "layers" }));
        var layers = config["layers"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.That(layers.Select(l => (string)l["class_name"]!), Is.EqualTo(new[] { "InputLayer", "Dense", "Dense" }));
        Assert.That(layers.All(l => l.Select(p => p.Key).SequenceEqual(["class_name", "config"])), Is.True);
        Assert.That(Text(layers[0]["config"]!["batch_shape"]), Is.EqualTo("[null,4]"));

        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        Assert.That(rebuilt, Is.InstanceOf<Sequential>());
        Assert.That(rebuilt.Name, Is.EqualTo("stack"));
        Assert.That(rebuilt.ToJson(), Is.EqualTo(model.ToJson()));
    }

    [Test]
    public void UnbuiltSequentialHasNoInputLayer()
    {
        using var model = new Sequential([new Dense(2, name: "only")], name: "lazy");
        var layers = model.GetConfig()["layers"]!.AsArray();
        Assert.That(layers.Select(l => (string)l!["class_name"]!), Is.EqualTo(new[] { "Dense" }));
        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        Assert.That(rebuilt.IsFunctional, Is.False, "still waiting for its input shape");
    }

    [Test]
    public void NamedInputsAndOutputsAreWrittenAsDicts()
    {
        var a = Input(shape: [1], name: "a_in");
        var b = Input(shape: [2], name: "b_in");
        var both = new Concatenate(name: "cat").Apply([a, b]);
        using var model = new Model(new Dictionary<string, KerasTensor> { ["alpha"] = a, ["beta"] = b },
            new Dictionary<string, KerasTensor> { ["joined"] = both }, name: "named");
        var config = model.GetConfig();
        Assert.That(Text(config["input_layers"]), Is.EqualTo("""{"alpha":["a_in",0,0],"beta":["b_in",0,0]}"""));
        Assert.That(Text(config["output_layers"]), Is.EqualTo("""{"joined":["cat",0,0]}"""));

        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        Assert.That(rebuilt.InputNames, Is.EqualTo(new[] { "alpha", "beta" }));
        Assert.That(rebuilt.OutputNames, Is.EqualTo(new[] { "joined" }));
        var y = rebuilt.Predict(new Dictionary<string, Tensor> { ["beta"] = T([2, 3], 1, 2), ["alpha"] = T([1], 1, 1) });
        Assert.That(Floats(y), Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [Test]
    public void NamesOutOfKerasOrderCannotBeWritten()
    {
        var a = Input(shape: [1], name: "a_in");
        var b = Input(shape: [1], name: "b_in");
        using var model = new Model(new Dictionary<string, KerasTensor> { ["zeta"] = a, ["alpha"] = b },
            new Dictionary<string, KerasTensor> { ["sum"] = new Add(name: "add").Apply([a, b]) }, name: "unordered");
        var e = Assert.Throws<NotSupportedException>(() => model.GetConfig());
        Assert.That(e!.Message, Does.Contain("Model 'unordered'").And.Contain("[zeta, alpha]").And.Contain("alphabetical"));
    }

    [Test]
    public void CallArgumentThatJsonCannotHoldIsRefused()
    {
        var x = Input(shape: [2], name: "x");
        var y = new Dense(1, name: "d").ApplyMulti([x], new Dictionary<string, object?> { ["scale"] = TimeSpan.Zero })[0];
        using var model = new Model(x, y, name: "odd");
        var e = Assert.Throws<NotSupportedException>(() => model.GetConfig());
        Assert.That(e!.Message, Does.Contain("layer 'd'").And.Contain("'scale'").And.Contain("TimeSpan"));
    }

    private sealed class Subclassed : Model
    {
        private readonly Dense _dense = new(1);

        protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context) => [_dense.Apply(inputs[0])];
    }

    [Test]
    public void SubclassedModelHasNoConfig()
    {
        using var model = new Subclassed();
        Assert.That(model.ClassName, Is.EqualTo("Subclassed"));
        var e = Assert.Throws<NotSupportedException>(() => model.ToJson());
        Assert.That(e!.Message, Does.Contain("subclassed").And.Contain("Subclassed"));
    }
}
