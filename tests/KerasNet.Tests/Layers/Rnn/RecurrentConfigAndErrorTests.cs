using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Regularizers;
using KerasNet.Saving;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>Keras configs of the recurrent layers (written and read back, and as Keras 3 writes them), and bad input.</summary>
public sealed class RecurrentConfigAndErrorTests
{
    private static IEnumerable<Func<Layer>> Layers() =>
    [
        () => new SimpleRNN(3, "relu", returnSequences: true, dropout: 0.1, seed: 4),
        () => new LSTM(3, recurrentActivation: "hard_sigmoid", unitForgetBias: false, returnState: true, goBackwards: true, kernelRegularizer: new L2(0.01)),
        () => new GRU(3, resetAfter: false, stateful: true, inputShape: [4, 2], batchSize: 2),
        () => new RNN([new LSTMCell(2), new GRUCell(3, resetAfter: false)], returnSequences: true, zeroOutputForMask: true),
        () => new Bidirectional(new LSTM(2, returnSequences: true), mergeMode: "ave"),
        () => new Bidirectional(new GRU(2), mergeMode: null, backwardLayer: new GRU(2, goBackwards: true, activation: "relu")),
    ];

    [Test]
    public void ConfigsRoundTripWithTheSameWeightsAndOutputs()
    {
        var x = rand(2, 4, 2);
        foreach (var make in Layers())
        {
            using var layer = make();
            var outputs = layer.ApplyMulti([x], new CallContext(false));
            var config = layer.GetConfig();
            using var copy = LayerDeserializer.FromConfig(layer.ClassName, config);
            Assert.That(copy.GetConfig().ToJsonString(), Is.EqualTo(config.ToJsonString()), layer.ClassName);
            copy.EnsureBuilt(Shape.Of(x.shape));
            copy.SetWeights(layer.GetWeights());
            if (copy is RNN { Stateful: true } stateful) stateful.ResetStates(((RNN)layer).States!.Select(_ => zeros(2, 3)).ToList());
            var again = copy.ApplyMulti([x], new CallContext(false));
            for (int i = 0; i < outputs.Count; i++)
                Assert.That((outputs[i] - again[i]).abs().max().item<float>(), Is.LessThan(1e-6f), $"{layer.ClassName} output {i}");
        }
    }

    [Test]
    public void KerasThreeConfigsAreRead()
    {
        // As Keras 3 writes them: dtype policies, module/registered_name entries, seed, zero_output_for_mask, backward_layer.
        var lstm = JsonNode.Parse("""
            {"name": "lstm", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null},
             "return_sequences": false, "return_state": false, "go_backwards": false, "stateful": false, "unroll": false, "zero_output_for_mask": false,
             "units": 8, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": true,
             "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}, "registered_name": null},
             "recurrent_initializer": {"module": "keras.initializers", "class_name": "Orthogonal", "config": {"seed": null, "gain": 1.0}, "registered_name": null},
             "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
             "unit_forget_bias": true, "kernel_regularizer": null, "recurrent_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
             "kernel_constraint": null, "recurrent_constraint": null, "bias_constraint": null, "dropout": 0.0, "recurrent_dropout": 0.0, "seed": null}
            """)!.AsObject();
        var read = (LSTM)LayerDeserializer.FromConfig("LSTM", lstm);
        Assert.That((read.Units, read.Cell.UnitForgetBias, read.Name), Is.EqualTo((8, true, "lstm")));
        var bidirectional = new JsonObject
        {
            ["name"] = "bidirectional", ["trainable"] = true, ["merge_mode"] = "concat",
            ["layer"] = new JsonObject { ["module"] = "keras.layers", ["class_name"] = "LSTM", ["config"] = Renamed(lstm, "forward_lstm", false), ["registered_name"] = null },
            ["backward_layer"] = new JsonObject { ["module"] = "keras.layers", ["class_name"] = "LSTM", ["config"] = Renamed(lstm, "backward_lstm", true), ["registered_name"] = null },
        };
        var wrapper = (Bidirectional)LayerDeserializer.FromConfig("Bidirectional", bidirectional);
        Assert.That((wrapper.ForwardLayer.Name, wrapper.BackwardLayer.Name, wrapper.BackwardLayer.GoBackwards), Is.EqualTo(("forward_lstm", "backward_lstm", true)));
        var rnn = JsonNode.Parse("""
            {"name": "rnn", "trainable": true, "return_sequences": true, "return_state": false, "go_backwards": false, "stateful": false,
             "unroll": false, "zero_output_for_mask": false,
             "cell": {"module": "keras.layers", "class_name": "GRUCell", "registered_name": null,
                      "config": {"name": "gru_cell", "trainable": true, "units": 5, "activation": "tanh", "recurrent_activation": "sigmoid",
                                 "use_bias": true, "reset_after": true, "dropout": 0.0, "recurrent_dropout": 0.0, "seed": null}}}
            """)!.AsObject();
        var generic = (RNN)LayerDeserializer.FromConfig("RNN", rnn);
        Assert.That(generic.Cell, Is.TypeOf<GRUCell>());
        Assert.That(generic.Apply(rand(1, 3, 2)).shape, Is.EqualTo(new long[] { 1, 3, 5 }));
        Assert.That(new[] { "SimpleRNN", "LSTM", "GRU", "RNN", "SimpleRNNCell", "LSTMCell", "GRUCell", "StackedRNNCells", "Bidirectional" }.All(LayerRegistry.Contains));
    }

    private static JsonObject Renamed(JsonObject config, string name, bool goBackwards)
    {
        var copy = (JsonObject)config.DeepClone();
        copy["name"] = name;
        copy["go_backwards"] = goBackwards;
        return copy;
    }

    [Test]
    public void BadInputGetsErrorsNamingTheLayerAndTheShapes()
    {
        void Fails(Action action, params string[] parts)
        {
            var e = Assert.Throws<KerasNetException>(() => action());
            foreach (var part in parts) Assert.That(e!.Message, Does.Contain(part));
        }
        var lstm = new LSTM(3, name: "encoder");
        Fails(() => lstm.Apply(rand(2, 5)), "'encoder'", "(batch, timesteps, features)", "(2, 5)");
        Fails(() => lstm.ApplyMulti([rand(2, 4, 1), rand(2, 3)], new CallContext(false)), "'encoder'", "initial_state needs 2", "(batch, 3)");
        Fails(() => lstm.ApplyMulti([rand(2, 4, 1), rand(2, 5), rand(2, 3)], new CallContext(false)), "'encoder'", "tensor 0 must have shape (2, 3)", "(2, 5)");
        Fails(() => lstm.ApplyMulti([rand(2, 4, 1), rand(3, 3), rand(3, 3)], new CallContext(false)), "tensor 0 must have shape (2, 3)", "(3, 3)");
        Fails(() => lstm.ApplyMulti([rand(2, 4, 1)], new CallContext(false, [ones(2, 5, dtype: ScalarType.Bool)])), "'encoder'", "mask", "(2, 5)");
        var stateful = new GRU(2, stateful: true, name: "memory");
        stateful.EnsureBuilt(Shape.Of(4, 3, 1));
        Fails(() => stateful.Apply(rand(3, 3, 1)), "'memory'", "batch size 4", "batch of 3");
        Fails(() => new GRU(2, stateful: true, name: "unsized").EnsureBuilt(new Shape([null, 3, 1])), "'unsized'", "batch size must be fixed");
        Fails(() => new LSTM(3).ResetStates(), "not stateful");
        Fails(() => new Bidirectional(new LSTM(2), mergeMode: "max"), "mergeMode");
        Fails(() => new Bidirectional(new LSTM(2), backwardLayer: new LSTM(2)), "go_backwards");
        Fails(() => new Bidirectional(new LSTM(2), backwardLayer: new LSTM(2, goBackwards: true, returnSequences: true)), "return_sequences");
        Fails(() => new Bidirectional(new LSTM(2)).ApplyMulti([rand(1, 2, 2), rand(1, 2)], new CallContext(false)), "two halves");
        Fails(() => new LSTM(0), "units must be positive");
        Fails(() => new GRU(2, dropout: 1.5), "dropout");
        Fails(() => new LSTMCell(2).ApplyMulti([rand(1, 3), rand(1, 2)], new CallContext(false)), "1 + 2 tensors");
    }
}
