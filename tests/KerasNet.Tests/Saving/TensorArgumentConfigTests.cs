using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Saving;

/// <summary>
/// Functional configs whose calls pass tensors by name — <c>MultiHeadAttention(q, v, attention_mask=m)</c> and
/// <c>Attention([q, v], mask=[qm, vm])</c> — as Keras 3 writes them (<c>__keras_tensor__</c> in <c>args</c>/<c>kwargs</c>,
/// with <c>build_config</c>) and as Keras 2 wrote them (<c>[name, node, tensor]</c> references in the kwargs).
/// </summary>
public class TensorArgumentConfigTests
{
    private static string Kt(string layer, string shape, string dtype = "float32") =>
        $$$"""{"class_name": "__keras_tensor__", "config": {"shape": {{{shape}}}, "dtype": "{{{dtype}}}", "keras_history": ["{{{layer}}}", 0, 0]}}""";

    private static string Keras3Input(string name, string shape, string dtype = "float32") =>
        $$$"""{"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": {{{shape}}}, "dtype": "{{{dtype}}}", "sparse": false, "name": "{{{name}}}"}, "registered_name": null, "name": "{{{name}}}", "inbound_nodes": []}""";

    private const string Float32Policy = """{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}""";

    /// <summary>The model as Keras 3.x writes it (<c>model.to_json()</c>): MHA with a positional value and a keyword attention mask, Attention with explicit masks.</summary>
    private static readonly string Keras3Json = $$$"""
        {"module": "keras", "class_name": "Functional", "config": {"name": "attend", "trainable": true, "layers": [
          {{{Keras3Input("q", "[null, 3, 4]")}}},
          {{{Keras3Input("v", "[null, 4, 4]")}}},
          {{{Keras3Input("m", "[null, 3, 4]", "bool")}}},
          {{{Keras3Input("qm", "[null, 3]", "bool")}}},
          {{{Keras3Input("vm", "[null, 4]", "bool")}}},
          {"module": "keras.layers", "class_name": "MultiHeadAttention", "registered_name": null, "name": "mha",
           "config": {"name": "mha", "trainable": true, "dtype": {{{Float32Policy}}}, "num_heads": 2, "key_dim": 3, "value_dim": 3,
                      "dropout": 0.0, "use_bias": true, "output_shape": null, "attention_axes": [1],
                      "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}, "registered_name": null},
                      "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
                      "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                      "kernel_constraint": null, "bias_constraint": null, "seed": null},
           "build_config": {"shapes_dict": {"query_shape": [null, 3, 4], "value_shape": [null, 4, 4]}},
           "inbound_nodes": [{"args": [{{{Kt("q", "[null, 3, 4]")}}}, {{{Kt("v", "[null, 4, 4]")}}}],
                              "kwargs": {"attention_mask": {{{Kt("m", "[null, 3, 4]", "bool")}}}}}]},
          {"module": "keras.layers", "class_name": "Attention", "registered_name": null, "name": "att",
           "config": {"name": "att", "trainable": true, "dtype": {{{Float32Policy}}}, "use_scale": false, "score_mode": "dot", "dropout": 0.0, "seed": null},
           "build_config": {"input_shape": [[null, 3, 4], [null, 4, 4]]},
           "inbound_nodes": [{"args": [[{{{Kt("q", "[null, 3, 4]")}}}, {{{Kt("v", "[null, 4, 4]")}}}]],
                              "kwargs": {"mask": [{{{Kt("qm", "[null, 3]", "bool")}}}, {{{Kt("vm", "[null, 4]", "bool")}}}]}}]}],
         "input_layers": [["q", 0, 0], ["v", 0, 0], ["m", 0, 0], ["qm", 0, 0], ["vm", 0, 0]],
         "output_layers": [["mha", 0, 0], ["att", 0, 0]]},
         "registered_name": "Functional", "build_config": {"input_shape": null}}
        """;

    /// <summary>The same model as tf.keras 2 wrote it: tensor kwargs as <c>[layer_name, node_index, tensor_index]</c> references.</summary>
    private const string Keras2Json = """
        {"class_name": "Functional", "keras_version": "2.15.0", "config": {"name": "attend", "layers": [
          {"class_name": "InputLayer", "name": "q", "inbound_nodes": [], "config": {"batch_input_shape": [null, 3, 4], "dtype": "float32", "sparse": false, "ragged": false, "name": "q"}},
          {"class_name": "InputLayer", "name": "v", "inbound_nodes": [], "config": {"batch_input_shape": [null, 4, 4], "dtype": "float32", "sparse": false, "ragged": false, "name": "v"}},
          {"class_name": "InputLayer", "name": "m", "inbound_nodes": [], "config": {"batch_input_shape": [null, 3, 4], "dtype": "bool", "sparse": false, "ragged": false, "name": "m"}},
          {"class_name": "InputLayer", "name": "qm", "inbound_nodes": [], "config": {"batch_input_shape": [null, 3], "dtype": "bool", "sparse": false, "ragged": false, "name": "qm"}},
          {"class_name": "InputLayer", "name": "vm", "inbound_nodes": [], "config": {"batch_input_shape": [null, 4], "dtype": "bool", "sparse": false, "ragged": false, "name": "vm"}},
          {"class_name": "MultiHeadAttention", "name": "mha", "config": {"name": "mha", "trainable": true, "dtype": "float32", "num_heads": 2, "key_dim": 3},
           "inbound_nodes": [[["q", 0, 0, {"value": ["v", 0, 0], "attention_mask": ["m", 0, 0]}]]]},
          {"class_name": "Attention", "name": "att", "config": {"name": "att", "trainable": true, "dtype": "float32", "use_scale": false, "score_mode": "dot"},
           "inbound_nodes": [[["q", 0, 0, {"mask": [["qm", 0, 0], ["vm", 0, 0]]}], ["v", 0, 0, {"mask": [["qm", 0, 0], ["vm", 0, 0]]}]]]}],
         "input_layers": [["q", 0, 0], ["v", 0, 0], ["m", 0, 0], ["qm", 0, 0], ["vm", 0, 0]],
         "output_layers": [["mha", 0, 0], ["att", 0, 0]]}}
        """;

    private static readonly Tensor Q = arange(12, dtype: ScalarType.Float32).reshape(1, 3, 4).div(6).sin();
    private static readonly Tensor V = arange(16, dtype: ScalarType.Float32).reshape(1, 4, 4).div(5).cos();
    private static readonly Tensor M = tensor(new[] { true, false, true, true, true, true, false, false, false, true, true, true }).reshape(1, 3, 4);
    private static readonly Tensor QM = tensor(new[] { true, true, false }).reshape(1, 3);
    private static readonly Tensor VM = tensor(new[] { true, false, true, true }).reshape(1, 4);

    private static IReadOnlyList<Tensor> Run(Model model) => model.PredictOutputs(ModelData.FromTensors([Q, V, M, QM, VM]));

    [Test]
    public void Keras3NodesPassTensorsByPositionAndByName()
    {
        using var model = ModelConfigReader.FromJson(Keras3Json);
        var mha = (MultiHeadAttention)model.GetLayer("mha");
        var attention = (Attention)model.GetLayer("att");
        Assert.That(mha.ValueDense.Kernel.Shape, Is.EqualTo(new Shape([4, 2, 3])), "built from its build_config");
        var node = mha.InboundNodes.Single();
        Assert.That(node.Inputs.Select(t => t.Layer.Name), Is.EqualTo(new[] { "q" }));
        Assert.That(node.Arguments.Keys, Is.EquivalentTo(new[] { "value", "attention_mask" }), "the second positional argument is Keras's 'value'");

        var outputs = Run(model);
        Assert.That(outputs[0].allclose(mha.Apply(Q, V, attentionMask: M), atol: 1e-6), Is.True);
        Assert.That(outputs[1].allclose(attention.Apply(Q, V, queryMask: QM, valueMask: VM), atol: 1e-6), Is.True);
        Assert.That((outputs[0] - mha.Apply(Q, V)).abs().max().item<float>(), Is.GreaterThan(1e-3f), "the attention mask took effect");
        Assert.That((outputs[1] - attention.Apply(Q, V)).abs().max().item<float>(), Is.GreaterThan(1e-3f), "the explicit masks took effect");

        // Written back in Keras 3's form: the query as the argument, the value and mask by name; read again, the same model.
        var written = model.GetConfig()["layers"]!.AsArray().Single(l => (string)l!["name"]! == "mha")!["inbound_nodes"]![0]!.AsObject();
        Assert.That(written["kwargs"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "value", "attention_mask" }));
        using var again = ModelConfigReader.FromJson(model.ToJson());
        again.SetWeights(model.GetWeights());
        var outputsAgain = Run(again);
        Assert.That(outputsAgain[0].allclose(outputs[0]) && outputsAgain[1].allclose(outputs[1]), Is.True);
    }

    [Test]
    public void Keras2TensorReferencesAndKeras3KeywordOnlyCallsReadAsTheSameModel()
    {
        using var keras3 = ModelConfigReader.FromJson(Keras3Json);
        var expected = Run(keras3);
        using var keras2 = ModelConfigReader.FromJson(Keras2Json);
        keras2.SetWeights(keras3.GetWeights());
        var fromKeras2 = Run(keras2);
        Assert.That(fromKeras2[0].allclose(expected[0]) && fromKeras2[1].allclose(expected[1]), Is.True);

        // mha(query=q, value=v, attention_mask=m): no positional arguments at all.
        string query = Kt("q", "[null, 3, 4]"), value = Kt("v", "[null, 4, 4]");
        var keywordOnly = Keras3Json
            .Replace($"\"args\": [{query}, {value}],", "\"args\": [],")
            .Replace("\"kwargs\": {\"attention_mask\"", $"\"kwargs\": {{\"query\": {query}, \"value\": {value}, \"attention_mask\"");
        Assert.That(keywordOnly, Is.Not.EqualTo(Keras3Json));
        using var byName = ModelConfigReader.FromJson(keywordOnly);
        byName.SetWeights(keras3.GetWeights());
        Assert.That(Run(byName)[0].allclose(expected[0]), Is.True);
    }

    [Test]
    public void BuildConfigBuildsTheLayerWithItsShapes()
    {
        var dense = LayerDeserializer.FromEntry(JsonNode.Parse("""
            {"class_name": "Dense", "config": {"name": "d", "units": 2}, "build_config": {"input_shape": [null, 3]}}
            """)!.AsObject(), null);
        Assert.That(dense.Built && dense.Weights[0].Shape.Equals(new Shape([3, 2])), Is.True);
        Assert.That(dense.GetBuildConfig()!.ToJsonString(), Is.EqualTo("""{"input_shape":[null,3]}"""));

        var mha = new MultiHeadAttention(2, 3);
        mha.BuildFromConfig(JsonNode.Parse("""{"shapes_dict": {"query_shape": [null, 3, 4], "value_shape": [null, 4, 5], "key_shape": [null, 4, 6]}}""")!.AsObject());
        Assert.That((mha.QueryDense.Kernel.Shape, mha.ValueDense.Kernel.Shape, mha.KeyDense.Kernel.Shape),
            Is.EqualTo((new Shape([4, 2, 3]), new Shape([5, 2, 3]), new Shape([6, 2, 3]))));
        Assert.That(mha.GetBuildConfig()!.ToJsonString(),
            Is.EqualTo("""{"shapes_dict":{"query_shape":[null,3,4],"value_shape":[null,4,5],"key_shape":[null,4,6]}}"""));

        var e = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3, name: "mha").BuildFromConfig(
            JsonNode.Parse("""{"shapes_dict": {"query_shape": [null, 3, 4], "memory_shape": [null, 4, 5]}}""")!.AsObject()));
        Assert.That(e!.Message, Does.Contain("'mha'").And.Contain("memory_shape"));
    }
}
