using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Saving;

public class ModelConfigReaderTests
{
    private static Tensor Predict(Model model, params Tensor[] inputs) => model.PredictOutputs(ModelData.FromTensors(inputs))[0];

    /// <summary>d1 = Dense(3, relu), d2 = Dense(2) with weights whose result is easy by hand (see the test).</summary>
    private static void SetHandWeights(Model model)
    {
        model.SetWeights([
            T([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1], 4, 3), T([0, -10, 0], 3),
            T([1, 2, 3, 4, 5, 6], 3, 2), T([0.5f, -0.5f], 2),
        ]);
    }

    // x = [1, 2, 3, 4]: h = relu([1 + 4, 2 + 4 - 10, 3 + 4]) = [5, 0, 7]; y = [5 + 35 + 0.5, 10 + 42 - 0.5].
    private static readonly float[] HandResult = [40.5f, 51.5f];

    [Test]
    public void Keras2SequentialListForm()
    {
        using var model = ModelConfigReader.FromJson("""
            {"class_name": "Sequential", "keras_version": "2.1.2", "backend": "tensorflow", "config": [
              {"class_name": "Dense", "config": {"name": "d1", "trainable": true, "batch_input_shape": [null, 4], "dtype": "float32",
                                                 "units": 3, "activation": "relu", "use_bias": true}},
              {"class_name": "Dense", "config": {"name": "d2", "trainable": true, "units": 2, "activation": "linear", "use_bias": true}}]}
            """);
        Assert.That(model, Is.InstanceOf<Sequential>());
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "d1", "d2" }));
        SetHandWeights(model);
        Assert.That(Floats(Predict(model, T([1, 2, 3, 4], 1, 4))), Is.EqualTo(HandResult));
    }

    [Test]
    public void Keras2SequentialWithLayersKeyAndInputLayer()
    {
        using var model = ModelConfigReader.FromJson("""
            {"class_name": "Sequential", "keras_version": "2.2.4", "config": {"name": "seq", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "dtype": "float32", "sparse": false, "name": "d1_input"}},
              {"class_name": "Dense", "config": {"name": "d1", "units": 3, "activation": "relu"}},
              {"class_name": "Dense", "config": {"name": "d2", "units": 2}}]}}
            """);
        Assert.That(model.Name, Is.EqualTo("seq"));
        Assert.That(model.Inputs[0].Shape, Is.EqualTo(new Shape([null, 4])));
        SetHandWeights(model);
        Assert.That(Floats(Predict(model, T([1, 2, 3, 4], 1, 4))), Is.EqualTo(HandResult));
    }

    [Test]
    public void Keras3SequentialWithBuildInputShape()
    {
        using var model = ModelConfigReader.FromJson("""
            {"module": "keras", "class_name": "Sequential", "registered_name": null,
             "config": {"name": "sequential", "trainable": true,
               "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null},
               "layers": [
                 {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d1", "units": 3, "activation": "relu"}, "registered_name": null, "build_config": {"input_shape": [null, 4]}},
                 {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d2", "units": 2}, "registered_name": null, "build_config": {"input_shape": [null, 3]}}],
               "build_input_shape": [null, 4]},
             "build_config": {"input_shape": [null, 4]},
             "compile_config": {"optimizer": "adam", "loss": "mse"}}
            """);
        Assert.That(model.IsFunctional, Is.True, "built from build_input_shape");
        Assert.That(model.CountParams(), Is.EqualTo(4 * 3 + 3 + 3 * 2 + 2));
        SetHandWeights(model);
        Assert.That(Floats(Predict(model, T([1, 2, 3, 4], 1, 4))), Is.EqualTo(HandResult));
    }

    /// <summary>Two inputs, each through its own Dense, merged with call arguments, then one Dense: Keras 2 form.</summary>
    private const string TwoBranchKeras2 = """
        {"class_name": "Model", "keras_version": "2.1.2", "config": {"name": "two_branch",
          "layers": [
            {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "dtype": "float32", "name": "input_1", "sparse": false}},
            {"class_name": "Dense", "name": "a1", "inbound_nodes": [[["input_1", 0, 0, {}]]], "config": {"name": "a1", "units": 2}},
            {"class_name": "Dense", "name": "a2", "inbound_nodes": [[["a1", 0, 0, {}]]], "config": {"name": "a2", "units": 2}},
            {"class_name": "InputLayer", "name": "input_2", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "dtype": "float32", "name": "input_2", "sparse": false}},
            {"class_name": "Dense", "name": "b1", "inbound_nodes": [[["input_2", 0, 0, {}]]], "config": {"name": "b1", "units": 2}},
            {"class_name": "Dense", "name": "b2", "inbound_nodes": [[["b1", 0, 0, {}]]], "config": {"name": "b2", "units": 2}},
            {"class_name": "Concatenate", "name": "cat", "inbound_nodes": [[["a2", 0, 0, {"flag": true, "scale": 2}], ["b2", 0, 0, {"flag": true, "scale": 2}]]], "config": {"name": "cat", "axis": -1}},
            {"class_name": "Dense", "name": "out", "inbound_nodes": [[["cat", 0, 0, {}]]], "config": {"name": "out", "units": 1}}],
          "input_layers": [["input_1", 0, 0], ["input_2", 0, 0]],
          "output_layers": [["out", 0, 0]]}}
        """;

    /// <summary>The same model as Keras 3 writes it (dict nodes with __keras_tensor__, single output as a bare triple).</summary>
    private const string TwoBranchKeras3 = """
        {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional", "config": {"name": "two_branch", "trainable": true,
          "layers": [
            {"module": "keras.layers", "class_name": "InputLayer", "registered_name": null, "name": "input_1", "inbound_nodes": [],
             "config": {"batch_shape": [null, 2], "dtype": "float32", "sparse": false, "ragged": false, "name": "input_1", "optional": false}},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": null, "name": "a1", "build_config": {"input_shape": [null, 2]},
             "config": {"name": "a1", "units": 2},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["input_1", 0, 0]}}], "kwargs": {}}]},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": null, "name": "a2", "config": {"name": "a2", "units": 2},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["a1", 0, 0]}}], "kwargs": {}}]},
            {"module": "keras.layers", "class_name": "InputLayer", "registered_name": null, "name": "input_2", "inbound_nodes": [],
             "config": {"batch_shape": [null, 2], "dtype": "float32", "sparse": false, "name": "input_2"}},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": null, "name": "b1", "config": {"name": "b1", "units": 2},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["input_2", 0, 0]}}], "kwargs": {}}]},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": null, "name": "b2", "config": {"name": "b2", "units": 2},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["b1", 0, 0]}}], "kwargs": {}}]},
            {"module": "keras.layers", "class_name": "Concatenate", "registered_name": null, "name": "cat", "config": {"name": "cat", "axis": 1},
             "inbound_nodes": [{"args": [[{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["a2", 0, 0]}},
                                          {"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["b2", 0, 0]}}]],
                                "kwargs": {"flag": true, "scale": 2}}]},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": null, "name": "out", "config": {"name": "out", "units": 1},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 4], "dtype": "float32", "keras_history": ["cat", 0, 0]}}], "kwargs": {}}]}],
          "input_layers": [["input_1", 0, 0], ["input_2", 0, 0]],
          "output_layers": ["out", 0, 0]}}
        """;

    // Weights in Keras order (input_1, input_2, a1, b1, a2, b2, cat, out — see LayersFollowKerasDepthOrder):
    // a1 = 2·I, b1 = 3·I, a2 = I + [1, 1], b2 = I − [1, 1], out = [1, 10, 100, 1000]ᵀ + 0.5.
    private static void SetTwoBranchWeights(Model model) => model.SetWeights([
        T([2, 0, 0, 2], 2, 2), T([0, 0], 2),
        T([3, 0, 0, 3], 2, 2), T([0, 0], 2),
        T([1, 0, 0, 1], 2, 2), T([1, 1], 2),
        T([1, 0, 0, 1], 2, 2), T([-1, -1], 2),
        T([1, 10, 100, 1000], 4, 1), T([0.5f], 1),
    ]);

    // x1 = [1, 2], x2 = [3, 4]: a = 2·x1 + 1 = [3, 5]; b = 3·x2 − 1 = [8, 11]; out = 3 + 50 + 800 + 11000 + 0.5.
    private const float TwoBranchResult = 11853.5f;

    [TestCase("k2")]
    [TestCase("k3")]
    public void FunctionalModelWithTwoInputsAndCallArguments(string tag)
    {
        using var model = ModelConfigReader.FromJson(tag == "k2" ? TwoBranchKeras2 : TwoBranchKeras3);
        Assert.That(model.Name, Is.EqualTo("two_branch"));
        Assert.That(model.InputNames, Is.EqualTo(new[] { "input_1", "input_2" }));
        SetTwoBranchWeights(model);
        var y = Predict(model, T([1, 2], 1, 2), T([3, 4], 1, 2));
        Assert.That(Floats(y), Is.EqualTo(new[] { TwoBranchResult }));
        var cat = (Concatenate)model.GetLayer("cat");
        Assert.That(cat.Axis, Is.EqualTo(tag == "k2" ? -1 : 1), "the config's axis reaches the layer");
        var arguments = cat.InboundNodes.Single().Arguments;
        Assert.That(arguments["flag"], Is.EqualTo(true));
        Assert.That(arguments["scale"], Is.EqualTo(2));
    }

    [Test]
    public void LayersFollowKerasDepthOrderNotConfigOrder()
    {
        // Keras's model.layers (and get_weights) sort by depth from the outputs, then by first visit of a depth-first walk.
        using var model = ModelConfigReader.FromJson(TwoBranchKeras2);
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "input_1", "input_2", "a1", "b1", "a2", "b2", "cat", "out" }));
        Assert.That(model.Weights.Select(w => w.Path), Is.EqualTo(new[]
        {
            "a1/kernel", "a1/bias", "b1/kernel", "b1/bias", "a2/kernel", "a2/bias", "b2/kernel", "b2/bias", "out/kernel", "out/bias",
        }));
    }

    [Test]
    public void SharedLayerAtDifferentDepthsWaitsForItsInput()
    {
        // A(B(A(x))): A's second call needs B's output, which needs A's first call — Keras replays it in a later pass.
        using var model = ModelConfigReader.FromJson("""
            {"class_name": "Model", "config": {"name": "aba",
              "layers": [
                {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "name": "x"}},
                {"class_name": "Dense", "name": "A", "inbound_nodes": [[["x", 0, 0, {}]], [["B", 0, 0, {}]]], "config": {"name": "A", "units": 2}},
                {"class_name": "Dense", "name": "B", "inbound_nodes": [[["A", 0, 0, {}]]], "config": {"name": "B", "units": 2}}],
              "input_layers": [["x", 0, 0]], "output_layers": [["A", 1, 0]]}}
            """);
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "x", "A", "B" }));
        model.SetWeights([T([2, 0, 0, 3], 2, 2), T([1, 1], 2), T([0, 1, 1, 0], 2, 2), T([0, 0], 2)]);
        // x = [1, 1]: A → [3, 4]; B swaps → [4, 3]; A → [9, 10].
        Assert.That(Floats(Predict(model, T([1, 1], 1, 2))), Is.EqualTo(new[] { 9f, 10f }));
    }

    private const string InnerFunctional = """
        {"class_name": "Model", "name": "inner", "config": {"name": "inner",
          "layers": [
            {"class_name": "InputLayer", "name": "inner_in", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "name": "inner_in"}},
            {"class_name": "Dense", "name": "inner_dense", "inbound_nodes": [[["inner_in", 0, 0, {}]]], "config": {"name": "inner_dense", "units": 2}}],
          "input_layers": [["inner_in", 0, 0]], "output_layers": [["inner_dense", 0, 0]]}
        """;

    private const string InnerSequential = """
        {"class_name": "Sequential", "name": "seq", "config": [
            {"class_name": "Dense", "config": {"name": "seq_dense", "units": 1, "batch_input_shape": [null, 2]}}]
        """;

    [Test]
    public void NestedModelsInKeras2FormCountTheirBuiltInNode()
    {
        // Keras 2 gives every nested model a first node of its own, so the outer config refers to its calls from 1.
        using var model = ModelConfigReader.FromJson($$$"""
            {"class_name": "Model", "keras_version": "2.1.2", "config": {"name": "outer",
              "layers": [
                {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "name": "x"}},
                {{{InnerFunctional}}}, "inbound_nodes": [[["x", 0, 0, {}]]]},
                {{{InnerSequential}}}, "inbound_nodes": [[["inner", 1, 0, {}]]]}],
              "input_layers": [["x", 0, 0]], "output_layers": [["inner", 1, 0], ["seq", 1, 0]]}}
            """);
        CheckNested(model);
    }

    [Test]
    public void NestedModelsInKeras3Form()
    {
        // Keras 3 refers to node 0 in dict nodes, but still counts the built-in node of nested Functional models
        // (not of Sequential ones) in output_layers.
        using var model = ModelConfigReader.FromJson($$$"""
            {"class_name": "Functional", "config": {"name": "outer",
              "layers": [
                {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_shape": [null, 2], "name": "x"}},
                {{{InnerFunctional}}}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["x", 0, 0]}}], "kwargs": {}}]},
                {{{InnerSequential}}}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["inner", 0, 0]}}], "kwargs": {"training": false}}]}],
              "input_layers": [["x", 0, 0]], "output_layers": [["inner", 1, 0], ["seq", 0, 0]]}}
            """);
        CheckNested(model);
    }

    /// <summary>The nested-models case: x → inner (Dense 2×2) → seq (Dense 2×1); outputs inner and seq.</summary>
    internal static void CheckNested(Model model)
    {
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "x", "inner", "seq" }));
        Assert.That(model.GetLayer("inner"), Is.InstanceOf<Model>());
        Assert.That(model.GetLayer("seq"), Is.InstanceOf<Sequential>());
        Assert.That(model.OutputNames, Is.EqualTo(new[] { "inner", "seq" }));
        // Weights in Keras order: the nested models' weights in place (inner_dense, then seq_dense).
        model.SetWeights([T([1, 2, 3, 4], 2, 2), T([0, 1], 2), T([1, -1], 2, 1), T([0.25f], 1)]);
        var outputs = model.PredictOutputs(T([1, 1], 1, 2));
        // inner: [1 + 3, 2 + 4 + 1] = [4, 7]; seq: 4 − 7 + 0.25.
        Assert.That(Floats(outputs[0]), Is.EqualTo(new[] { 4f, 7f }));
        Assert.That(Floats(outputs[1]), Is.EqualTo(new[] { -2.75f }));
    }

    [Test]
    public void DictInputsAreOrderedByKeyAsKerasFlattensThem()
    {
        using var model = ModelConfigReader.FromJson("""
            {"class_name": "Functional", "config": {"name": "named",
              "layers": [
                {"class_name": "InputLayer", "name": "zeta", "inbound_nodes": [], "config": {"batch_shape": [null, 1], "name": "zeta"}},
                {"class_name": "InputLayer", "name": "alpha", "inbound_nodes": [], "config": {"batch_shape": [null, 2], "name": "alpha"}},
                {"class_name": "Concatenate", "name": "cat", "config": {"name": "cat"},
                 "inbound_nodes": [[["zeta", 0, 0], ["alpha", 0, 0]]]}],
              "input_layers": {"zeta": ["zeta", 0, 0], "alpha": ["alpha", 0, 0]},
              "output_layers": [["cat", 0, 0]]}}
            """);
        Assert.That(model.InputNames, Is.EqualTo(new[] { "alpha", "zeta" }));
        var y = Predict(model, T([1, 2], 1, 2), T([9], 1, 1));
        Assert.That(Floats(y), Is.EqualTo(new[] { 9f, 1f, 2f }), "the graph still concatenates zeta then alpha");
    }

    [Test]
    public void UntrainableModelConfigFreezesEveryLayer()
    {
        using var model = ModelConfigReader.FromJson("""
            {"class_name": "Sequential", "config": {"name": "frozen", "trainable": false, "layers": [
              {"class_name": "Dense", "config": {"name": "d", "units": 2, "batch_input_shape": [null, 3]}}]}}
            """);
        Assert.That(model.Trainable, Is.False);
        Assert.That(model.GetLayer("d").Trainable, Is.False);
        Assert.That(model.TrainableWeights, Is.Empty);
        Assert.That(model.NonTrainableWeights, Has.Count.EqualTo(2));
    }

    [Test]
    public void ReferenceToAnUnknownLayerIsAnError()
    {
        var e = Assert.Throws<KerasNetException>(() => ModelConfigReader.FromJson("""
            {"class_name": "Model", "config": {"name": "m", "layers": [
              {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "name": "x"}},
              {"class_name": "Dense", "name": "d", "inbound_nodes": [[["ghost", 0, 0, {}]]], "config": {"name": "d", "units": 1}}],
              "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}}
            """));
        Assert.That(e!.Message, Does.Contain("Model 'm'").And.Contain("'ghost'").And.Contain("'d'"));
    }

    [Test]
    public void CallThatNeverBecomesPossibleIsAnError()
    {
        var e = Assert.Throws<KerasNetException>(() => ModelConfigReader.FromJson("""
            {"class_name": "Model", "config": {"name": "m", "layers": [
              {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_input_shape": [null, 2], "name": "x"}},
              {"class_name": "Dense", "name": "d", "inbound_nodes": [[["x", 3, 0, {}]]], "config": {"name": "d", "units": 1}}],
              "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}}
            """));
        Assert.That(e!.Message, Does.Contain("layer 'd'").And.Contain("[\"x\",3,0,{}]"));
    }

    [Test]
    public void MalformedConfigsAreRefused()
    {
        Assert.Throws<KerasNetException>(() => ModelConfigReader.FromJson("{not json"));
        Assert.Throws<KerasNetException>(() => ModelConfigReader.FromJson("[]"));
        var unexpected = Assert.Throws<NotSupportedException>(() => ModelConfigReader.FromJson("""{"class_name": "Sequential", "config": [], "optimizer": "sgd"}"""));
        Assert.That(unexpected!.Message, Does.Contain("'optimizer'"));
        var subclassed = Assert.Throws<NotSupportedException>(() => ModelConfigReader.FromJson("""{"class_name": "Model", "config": {"name": "custom"}}"""));
        Assert.That(subclassed!.Message, Does.Contain("subclassed"));
        Assert.Throws<NotSupportedException>(() => ModelConfigReader.FromJson("""{"class_name": "Dense", "config": {"units": 1}}"""));
    }

    [Test]
    public void NestedStructuresOfTensorArgumentsAreNotSupported()
    {
        var e = Assert.Throws<NotSupportedException>(() => ModelConfigReader.FromJson("""
            {"class_name": "Functional", "config": {"name": "m", "layers": [
              {"class_name": "InputLayer", "name": "x", "inbound_nodes": [], "config": {"batch_shape": [null, 2], "name": "x"}},
              {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 1}, "inbound_nodes": [{
                 "args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["x", 0, 0]}}],
                 "kwargs": {"state": {"h": {"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "dtype": "float32", "keras_history": ["x", 0, 0]}}}}}]}],
              "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}}
            """));
        Assert.That(e!.Message, Does.Contain("'state'").And.Contain("layer 'd'").And.Contain("flat list"));
    }
}
