using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using PureHDF;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>
/// Recurrent models saved by real Keras, with the predictions Keras recorded: the DL4J test resources' examples
/// (Keras 2.1.3 SimpleRNN and LSTM with Keras 2's hard_sigmoid, dropout and Flatten; Keras 1.2.2 LSTMs on the TensorFlow
/// and Theano backends) and frugally-deep's GRU (tf.keras 2.2.4, reset_after, linear activation, no bias) fed an
/// initial state as a second model input, stateless and stateful. Fixtures: Fixtures/dl4j-test-resources (Apache-2.0)
/// and Fixtures/frugally-deep (MIT).
/// </summary>
public sealed class RecurrentFileConformanceTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dl4j-test-resources",
        "src", "main", "resources", "modelimport", "keras", "examples");
    private static readonly string FrugallyDeep = Path.Combine(AppContext.BaseDirectory, "Fixtures", "frugally-deep", "test", "stateful_test");

    [TestCase("simple_rnn/simple_rnn_tf_keras_2")]
    [TestCase("simple_flatten_rnn/simple_flatten_rnn_tf_keras_2")]
    [TestCase("simple_flatten_lstm/simple_flatten_lstm_tf_keras_2")]
    public void Keras2ModelsPredictAsKeras(string name)
    {
        using var model = ModelConfigReader.FromJson(File.ReadAllText(Path.Combine(Examples, name + "_config.json")));
        using (var weights = H5File.OpenRead(Path.Combine(Examples, name + "_weights.h5")))
            foreach (var layer in model.Layers.Where(l => l.Weights.Count > 0))
            {
                var group = weights.Group(layer.Name);
                layer.SetWeights(group.Attribute("weight_names").Read<string[]>().Select(w => Read(group.Dataset(w))).ToList());
            }
        var (input, expected) = InputsAndPredictions(name);
        KerasJsLayerFixtures.AssertMatches(model.Predict(input), expected, name);
    }

    [TestCase("tf")]
    [TestCase("th")]
    public void Keras1LstmPredictsAsKeras(string backend)
    {
        // Keras 1 stored each gate's matrices apart (W_i, U_i, b_i, W_c, …); Keras 2 joins them in the order i, f, c, o.
        var name = $"simple_lstm/simple_lstm_{backend}_keras_1";
        var lstm = new LSTM(50, recurrentActivation: KerasNet.Activations.Activations.HardSigmoidKeras2, inputShape: [1, 1]);
        var dense = new Dense(1);
        using var model = new Sequential([lstm, dense]);
        using (var file = H5File.OpenRead(Path.Combine(Examples, name + "_weights.h5")))
        {
            Tensor Weight(string layer, string weight)
            {
                var group = file.Group(layer);
                return Read(group.Dataset(group.Attribute("weight_names").Read<string[]>().Single(n => n.StartsWith($"{layer}_{weight}", StringComparison.Ordinal))));
            }
            Tensor Gates(string matrix) => cat(new[] { "i", "f", "c", "o" }.Select(g => Weight("lstm_1", $"{matrix}_{g}")).ToList(), -1);
            lstm.SetWeights([Gates("W"), Gates("U"), Gates("b")]);
            dense.SetWeights([Weight("dense_1", "W"), Weight("dense_1", "b")]);
        }
        var (input, expected) = InputsAndPredictions(name);
        KerasJsLayerFixtures.AssertMatches(model.Predict(input), expected, name);
    }

    [TestCase("temp_stateless")]
    [TestCase("temp_stateful")]
    public void GruWithAnInitialStateInputMatchesKeras(string name)
    {
        using var file = H5File.OpenRead(Path.Combine(FrugallyDeep, name + ".h5"));
        using var model = ModelConfigReader.FromJson(file.Attribute("model_config").Read<string>());
        foreach (var layer in model.Layers.Where(l => l.Weights.Count > 0))
        {
            var group = file.Group("model_weights").Group(layer.Name);
            layer.SetWeights(group.Attribute("weight_names").Read<string[]>().Select(w => Read(group.Dataset(w))).ToList());
        }
        var gru = model.Layers.OfType<GRU>().Single();
        Assert.That(gru.Cell.ResetAfter && gru.Stateful == (name == "temp_stateful"), Is.True);
        var test = JsonNode.Parse(File.ReadAllText(Path.Combine(FrugallyDeep, name + ".json")))!["tests"]![0]!;
        var inputs = test["inputs"]!.AsArray().Select(t => Decode(t!)).ToList();
        var expected = Decode(test["outputs"]![0]!);
        KerasJsLayerFixtures.AssertMatches(model.Predict(ModelData.FromTensors(inputs)), expected, name, atol: 1e-5);
    }

    private static (Tensor Input, Tensor Expected) InputsAndPredictions(string name)
    {
        using var io = H5File.OpenRead(Path.Combine(Examples, name + "_inputs_and_outputs.h5"));
        return (Read(io.Group("inputs").Children().OfType<IH5Dataset>().Single()), Read(io.Group("predictions").Children().OfType<IH5Dataset>().Single()));
    }

    /// <summary>A frugally-deep tensor: base64 little-endian float32 values, shape without the batch dimension.</summary>
    private static Tensor Decode(JsonNode entry)
    {
        var bytes = Convert.FromBase64String(string.Concat(entry["values"]!.AsArray().Select(v => v!.GetValue<string>())));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return tensor(values).reshape([1, .. entry["shape"]!.AsArray().Select(d => d!.GetValue<long>())]);
    }

    private static Tensor Read(IH5Dataset dataset)
    {
        var dims = dataset.Space.Dimensions.Select(d => (long)d).ToArray();
        return dataset.Type.Class == H5DataTypeClass.FloatingPoint && dataset.Type.Size == 8
            ? tensor(dataset.Read<double[]>(), dims).to(ScalarType.Float32)
            : tensor(dataset.Read<float[]>(), dims);
    }
}
