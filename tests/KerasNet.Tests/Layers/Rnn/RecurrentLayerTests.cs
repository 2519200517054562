using KerasNet.Constraints;
using KerasNet.Layers;
using KerasNet.Losses;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Regularizers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>The recurrent layers' pieces: shapes, initial states in graphs, masking, state carry, dropout, weights, clipping.</summary>
public sealed class RecurrentLayerTests
{
    private static float MaxDiff(Tensor a, Tensor b) => (a - b).abs().max().item<float>();

    [Test]
    public void OutputShapesFollowReturnSequencesAndReturnState()
    {
        var x = Keras.Input(shape: [7, 3]);
        Assert.Multiple(() =>
        {
            Assert.That(new LSTM(4).Apply(x).Shape, Is.EqualTo(new Shape([null, 4])));
            Assert.That(new GRU(4, returnSequences: true).Apply(x).Shape, Is.EqualTo(new Shape([null, 7, 4])));
            var lstm = new LSTM(4, returnSequences: true, returnState: true).ApplyMulti([x]);
            Assert.That(lstm.Select(t => t.Shape), Is.EqualTo(new[] { new Shape([null, 7, 4]), new Shape([null, 4]), new Shape([null, 4]) }));
            var stacked = new RNN([new LSTMCell(4), new GRUCell(2)], returnState: true).ApplyMulti([x]);
            Assert.That(stacked.Select(t => t.Shape), Is.EqualTo(new[] { new Shape([null, 2]), new Shape([null, 4]), new Shape([null, 4]), new Shape([null, 2]) }));
            Assert.That(new Bidirectional(new LSTM(4, returnSequences: true)).Apply(x).Shape, Is.EqualTo(new Shape([null, 7, 8])));
            var split = new Bidirectional(new GRU(4, returnState: true), mergeMode: null).ApplyMulti([x]);
            Assert.That(split.Select(t => t.Shape), Is.EqualTo(new[] { new Shape([null, 4]), new Shape([null, 4]), new Shape([null, 4]), new Shape([null, 4]) }));
        });
    }

    [Test]
    public void InitialStatesAreExtraInputsInAFunctionalGraph()
    {
        var x = Keras.Input(shape: [5, 3]);
        var h = Keras.Input(shape: [4]);
        var c = Keras.Input(shape: [4]);
        var lstm = new LSTM(4, returnState: true);
        var outputs = lstm.ApplyMulti([x, h, c]);
        using var model = new Model([x, h, c], [.. outputs]);
        var (xs, hs, cs) = (rand(2, 5, 3), rand(2, 4), rand(2, 4));
        var predicted = model.PredictOutputs(KerasNet.Trainers.ModelData.FromTensors([xs, hs, cs]));
        var direct = lstm.ApplyMulti([xs, hs, cs], new CallContext(false));
        var fromZeros = lstm.ApplyMulti([xs], new CallContext(false))[0];
        for (int i = 0; i < 3; i++) Assert.That(MaxDiff(predicted[i], direct[i]), Is.LessThan(1e-6f), $"output {i}; from zeros differs by {MaxDiff(predicted[i], lstm.ApplyMulti([xs], new CallContext(false))[i])}");
        Assert.That(MaxDiff(predicted[0], fromZeros), Is.GreaterThan(1e-3f), "the initial state changes the result");
    }

    [Test]
    public void InitialStatesAreAlsoTheInitialStateKeywordArgument()
    {
        var x = Keras.Input(shape: [5, 3]);
        var h = Keras.Input(shape: [4]);
        var c = Keras.Input(shape: [4]);
        var lstm = new LSTM(4);
        var y = lstm.ApplyMulti([x], new Dictionary<string, object?> { ["initial_state"] = new[] { h, c } }).Single();
        using var model = new Model([x, h, c], [y]);
        using var reread = KerasNet.Saving.ModelConfigReader.FromJson(model.ToJson());
        reread.SetWeights(model.GetWeights());
        var (xs, hs, cs) = (rand(2, 5, 3), rand(2, 4), rand(2, 4));
        var data = KerasNet.Trainers.ModelData.FromTensors([xs, hs, cs]);
        var direct = lstm.ApplyMulti([xs], new CallContext(false, arguments: new Dictionary<string, object?> { ["initial_state"] = new[] { hs, cs } }))[0];
        Assert.That(MaxDiff(model.Predict(data), direct), Is.LessThan(1e-6f));
        Assert.That(MaxDiff(reread.Predict(data), direct), Is.LessThan(1e-6f), "the config keeps the initial_state argument");
        Assert.That(MaxDiff(direct, lstm.ApplyMulti([xs, hs, cs], new CallContext(false))[0]), Is.LessThan(1e-6f));
    }

    [Test]
    public void EmbeddingMaskZeroSkipsPaddedStepsAsKerasDoes()
    {
        // Right padding: the last output of [3, 1, 4, 0, 0] is the output after its third step, as for [3, 1, 4].
        var embedding = new Embedding(6, 3, maskZero: true);
        var lstm = new LSTM(4);
        using var model = new Sequential([embedding, lstm]);
        var padded = model.Predict(tensor(new long[,] { { 3, 1, 4, 0, 0 } }));
        var unpadded = lstm.Apply(embedding.Apply(tensor(new long[,] { { 3, 1, 4 } })));
        Assert.That(MaxDiff(padded, unpadded), Is.LessThan(1e-6f));
        // Left padding (Keras's pad_sequences default): the state waits at zero through the padding.
        var leftPadded = model.Predict(tensor(new long[,] { { 0, 0, 3, 1, 4 } }));
        Assert.That(MaxDiff(leftPadded, unpadded), Is.LessThan(1e-6f));
    }

    [Test]
    public void ReturnedSequencesRepeatTheLastOutputAtMaskedStepsAndCarryTheMaskToTheLoss()
    {
        var x = Keras.Input(shape: [4, 2]);
        var masked = new Masking().Apply(x);
        var y = new SimpleRNN(3, returnSequences: true).Apply(masked);
        using var model = new Model(x, y);
        var data = tensor(new float[,,] { { { 1, 2 }, { 0, 0 }, { 3, 1 }, { 0, 0 } } });
        var output = model.Predict(data);
        Assert.That(MaxDiff(output[0, 1], output[0, 0]), Is.EqualTo(0f), "masked step 1 repeats step 0's output");
        Assert.That(MaxDiff(output[0, 3], output[0, 2]), Is.EqualTo(0f), "masked step 3 repeats step 2's output");
        // The mask reaches the loss: errors at masked steps do not count.
        model.Compile(new SGD(), new MeanSquaredError());
        var target = zeros(1, 4, 3);
        var wrongAtMasked = target.clone();
        wrongAtMasked[0, 1] = full(3, 100f);
        Assert.That(model.Evaluate(data, wrongAtMasked)["loss"], Is.EqualTo(model.Evaluate(data, target)["loss"]).Within(1e-6));
    }

    [Test]
    public void StatefulLayersCarryStatesAcrossPredictBatchesAndResetStatesClearsThem()
    {
        var layer = new GRU(3, stateful: true, inputShape: [4, 2], batchSize: 2);
        using var model = new Sequential([layer]);
        var x = rand(4, 4, 2);
        var predicted = model.Predict(x, batchSize: 2);
        Assert.That(layer.States, Is.Not.Null);
        using var reference = new GRU(3);
        reference.EnsureBuilt(Shape.Of(2, 4, 2));
        reference.SetWeights(layer.GetWeights());
        var first = reference.ApplyMulti([x.narrow(0, 0, 2)], new CallContext(false))[0];
        var second = reference.ApplyMulti([x.narrow(0, 2, 2), first], new CallContext(false))[0];
        Assert.That(MaxDiff(predicted.narrow(0, 0, 2), first), Is.LessThan(1e-6f));
        Assert.That(MaxDiff(predicted.narrow(0, 2, 2), second), Is.LessThan(1e-6f), "the second batch starts from the first batch's final state");
        model.ResetStates();
        Assert.That(layer.States![0].abs().max().item<float>(), Is.EqualTo(0f));
        Assert.That(MaxDiff(model.Predict(x.narrow(0, 0, 2)), first), Is.LessThan(1e-6f));
    }

    [Test]
    public void StatefulTrainingWithFitCarriesStatesBetweenBatches()
    {
        // Truncated BPTT: Fit(shuffle: false) on consecutive chunks; the state after Fit is the last chunk's final state.
        var layer = new LSTM(3, stateful: true, returnSequences: true, inputShape: [3, 2], batchSize: 2);
        using var model = new Sequential([layer, new Dense(1)]);
        model.Compile(new Adam(learningRate: 0.01, clipnorm: 1.0), new MeanSquaredError());
        var x = rand(6, 3, 2);
        var y = rand(6, 3, 1);
        var history = model.Fit(x, y, batchSize: 2, epochs: 3, shuffle: false, verbose: 0);
        Assert.That(history["loss"], Has.Count.EqualTo(3));
        Assert.That(layer.States![0].abs().max().item<float>(), Is.GreaterThan(0f));
        var ex = Assert.Throws<KerasNetException>(() => model.Fit(rand(5, 3, 2), rand(5, 3, 1), batchSize: 2, verbose: 0, shuffle: false));
        Assert.That(ex!.Message, Does.Contain("stateful with batch size 2").And.Contain("batch of 1"));
    }

    [Test]
    public void DropoutMasksAreFixedForTheWholeSequence()
    {
        // A linear SimpleRNN with identity kernels passes x_t (input dropout) and h (recurrent dropout) straight through.
        var layer = new SimpleRNN(6, "linear", useBias: false, dropout: 0.5, returnSequences: true, kernelInitializer: "identity", recurrentInitializer: "zeros");
        var allOnes = ones(8, 5, 6);
        var output = layer.Apply(allOnes, training: true);
        Assert.That(MaxDiff(output, output[.., 0..1].expand(8, 5, 6)), Is.EqualTo(0f), "the same inputs are dropped at every step");
        Assert.That(output.eq(0).logical_or(output.eq(2)).all().item<bool>(), Is.True, "kept inputs are scaled by 1/(1 - rate)");
        Assert.That(output.eq(0).any().item<bool>() && output.eq(2).any().item<bool>(), Is.True);
        Assert.That(MaxDiff(layer.Apply(allOnes, training: false), allOnes), Is.EqualTo(0f), "no dropout outside training");

        var recurrent = new SimpleRNN(6, "linear", useBias: false, recurrentDropout: 0.5, returnSequences: true, kernelInitializer: "identity", recurrentInitializer: "identity");
        var pulse = zeros(8, 4, 6);
        pulse[.., 0] = ones(8, 6);
        var echoes = recurrent.Apply(pulse, training: true);
        // h_t = h_{t-1}·m: a unit the mask keeps doubles each step (2, 4, 8), a dropped one stays 0 from step 1 on.
        var kept = echoes[.., 1].gt(0);
        Assert.That(MaxDiff(echoes[.., 3], echoes[.., 1] * 4), Is.EqualTo(0f));
        Assert.That(kept.logical_xor(echoes[.., 2].gt(0)).any().item<bool>(), Is.False, "the same units are dropped at every step");
    }

    [Test]
    public void GradientClippingAppliesToTheRecurrentWeights()
    {
        using var model = new Sequential([new LSTM(3, inputShape: [4, 2]), new Dense(1)]);
        model.Compile(new SGD(learningRate: 1.0, clipnorm: 1e-3), new MeanSquaredError());
        var (x, y) = (rand(5, 4, 2) * 3, rand(5, 1) + 5);
        var lstm = (LSTM)model.Layers[0];
        var grads = autograd.grad([new MeanSquaredError().Compute(y, model.Apply(x, training: true))], lstm.TrainableWeights.Select(w => w.Value).ToList());
        var before = lstm.GetWeights();
        model.TrainOnBatch(x, y);
        var after = lstm.GetWeights();
        for (int i = 0; i < before.Count; i++)
        {
            var expected = grads[i] * (1e-3 / Math.Max(1e-3, grads[i].norm().item<float>()));
            Assert.That(MaxDiff(before[i] - after[i], expected), Is.LessThan(1e-6f), $"{lstm.Weights[i].Path}: step = clipped gradient");
            Assert.That((before[i] - after[i]).norm().item<float>(), Is.LessThanOrEqualTo(1e-3f * 1.0001f));
        }
    }

    [Test]
    public void WeightsHaveKerasShapesPathsAndInitialValues()
    {
        var x = Keras.Input(shape: [3, 5]);
        var lstm = new LSTM(4);
        var gru2 = new GRU(4, resetAfter: false);
        var bidirectional = new Bidirectional(new GRU(2));
        lstm.Apply(x);
        gru2.Apply(x);
        bidirectional.Apply(x);
        Assert.That(lstm.Weights.Select(w => (w.Path, w.Shape)), Is.EqualTo(new[]
            { ($"{lstm.Name}/lstm_cell/kernel", Shape.Of(5, 16)), ($"{lstm.Name}/lstm_cell/recurrent_kernel", Shape.Of(4, 16)), ($"{lstm.Name}/lstm_cell/bias", Shape.Of(16)) }));
        Assert.That(gru2.Weights.Select(w => w.Shape), Is.EqualTo(new[] { Shape.Of(5, 12), Shape.Of(4, 12), Shape.Of(12) }));
        Assert.That(bidirectional.Weights.Select(w => w.Path).ToList(), Is.EqualTo(new[] { "kernel", "recurrent_kernel", "bias" }
            .Select(n => $"{bidirectional.Name}/{bidirectional.ForwardLayer.Name}/gru_cell/{n}")
            .Concat(new[] { "kernel", "recurrent_kernel", "bias" }.Select(n => $"{bidirectional.Name}/{bidirectional.BackwardLayer.Name}/gru_cell/{n}"))));
        Assert.That(bidirectional.Weights[2].Shape, Is.EqualTo(Shape.Of(2, 6)), "reset_after bias: input row and recurrent row");
        // unit_forget_bias: zeros, ones for the forget gate, zeros; the recurrent kernel has orthonormal rows.
        Assert.That(TestTensors.Values(lstm.Cell.Bias!.Value), Is.EqualTo(Enumerable.Repeat(0.0, 4).Concat(Enumerable.Repeat(1.0, 4)).Concat(Enumerable.Repeat(0.0, 8))));
        var r = lstm.Cell.RecurrentKernel.Value;
        Assert.That(MaxDiff(r.matmul(r.t()), eye(4)), Is.LessThan(1e-5f));
    }

    [Test]
    public void RegularizersAndConstraintsApplyToTheCellWeights()
    {
        var layer = new LSTM(3, kernelRegularizer: new L2(0.1), recurrentConstraint: new MaxNorm(0.5), inputShape: [2, 2]);
        using var model = new Sequential([layer]);
        model.Compile(new SGD(learningRate: 0.5), new MeanSquaredError());
        var kernel = layer.Cell.Kernel.Value;
        Assert.That(TestTensors.Scalar(model.Losses.Single()), Is.EqualTo(0.1 * kernel.square().sum().item<float>()).Within(1e-5));
        model.TrainOnBatch(rand(4, 2, 2), rand(4, 3) * 10);
        Assert.That(layer.Cell.RecurrentKernel.Value.square().sum(dim: 0).sqrt().max().item<float>(), Is.LessThanOrEqualTo(0.5f + 1e-5f));
    }

    [Test]
    public void TimeDistributedRunsARecurrentLayerOnEverySlice()
    {
        var inner = new GRU(3);
        var wrapper = new TimeDistributed(inner);
        var x = rand(2, 4, 5, 2);
        var y = wrapper.Apply(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 4, 3 }));
        for (int t = 0; t < 4; t++) Assert.That(MaxDiff(y[.., t], inner.Apply(x[.., t])), Is.LessThan(1e-6f));
        Assert.That(wrapper.ComputeOutputShape([new Shape([null, 4, 5, 2])]).Single(), Is.EqualTo(new Shape([null, 4, 3])));
    }

    [Test]
    public void FrozenLayersExposeNoTrainableWeights()
    {
        var layer = new Bidirectional(new LSTM(2), trainable: false);
        layer.EnsureBuilt(Shape.Of(1, 3, 2));
        Assert.That(layer.TrainableWeights, Is.Empty);
        Assert.That(layer.NonTrainableWeights, Has.Count.EqualTo(6));
    }
}
