using KerasNet.Backend;
using KerasNet.Layers;
using KerasNet.Losses;
using KerasNet.Models;
using KerasNet.Optimizers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>
/// The fused libtorch kernels against the step loop (<c>unroll: true</c> forces the loop): same outputs, same gradients
/// on the Keras-layout variables, inputs and initial states, in training and in inference; and when each path is taken.
/// </summary>
public sealed class FusedRecurrenceTests
{
    private static RNN Layer(string kind, bool unroll, bool returnSequences, bool goBackwards, bool returnState) => kind switch
    {
        "lstm" => new LSTM(5, returnSequences: returnSequences, goBackwards: goBackwards, returnState: returnState, unroll: unroll),
        "gru" => new GRU(5, returnSequences: returnSequences, goBackwards: goBackwards, returnState: returnState, unroll: unroll),
        "tanh" => new SimpleRNN(5, returnSequences: returnSequences, goBackwards: goBackwards, returnState: returnState, unroll: unroll),
        _ => new SimpleRNN(5, "relu", returnSequences: returnSequences, goBackwards: goBackwards, returnState: returnState, unroll: unroll),
    };

    [TestCase("lstm")]
    [TestCase("gru")]
    [TestCase("tanh")]
    [TestCase("relu")]
    public void FusedAndLoopGiveTheSameOutputsAndGradients(string kind)
    {
        var r = new RandomRecurrence(kind.Length);
        foreach (var maskKind in new[] { "none", "right", "left" })
            for (int trial = 0; trial < 3; trial++)
            {
                bool returnSequences = r.Coin(), goBackwards = r.Coin(), returnState = r.Coin();
                using var fused = Layer(kind, unroll: false, returnSequences, goBackwards, returnState);
                using var loop = Layer(kind, unroll: true, returnSequences, goBackwards, returnState);
                long batch = 3, time = 6;
                var x = r.Uniform([batch, time, 4], 1.0).requires_grad_(true);
                var initial = fused.Cell.StateSize.Select(s => r.Uniform([batch, s]).requires_grad_(true)).ToList();
                var lengths = new long[] { 6, 3, 0 };
                var mask = maskKind == "none" ? null
                    : tensor(Enumerable.Range(0, (int)batch).SelectMany(b => Enumerable.Range(0, (int)time)
                        .Select(t => maskKind == "right" ? t < lengths[b] : t >= time - lengths[b])).ToArray()).reshape(batch, time);
                fused.EnsureBuilt([Shape.Of(x.shape), .. initial.Select(s => Shape.Of(s.shape))]);
                loop.EnsureBuilt([Shape.Of(x.shape), .. initial.Select(s => Shape.Of(s.shape))]);
                loop.SetWeights(r.RandomizeWeights(fused));
                Assert.That(fused.Cell.FusedForm(), Is.Not.Null, $"{kind} with Keras's cuDNN arguments takes the fused kernel");

                var context = new CallContext(false, mask is null ? null : [mask, .. initial.Select(_ => (Tensor?)null)]);
                var a = fused.ApplyMulti([x, .. initial], context);
                var b = loop.ApplyMulti([x, .. initial], context);
                string what = $"{kind} mask={maskKind} return_sequences={returnSequences} go_backwards={goBackwards} return_state={returnState}";
                for (int i = 0; i < a.Count; i++)
                    Assert.That((a[i] - b[i]).abs().max().item<float>(), Is.LessThan(1e-5f), $"{what}: output {i}");
                using (no_grad())
                {
                    // Inference too (libtorch's oneDNN LSTM inference path is wrong for some sizes and must not be taken).
                    var inference = fused.ApplyMulti([x, .. initial], context);
                    for (int i = 0; i < a.Count; i++)
                        Assert.That((inference[i] - b[i]).abs().max().item<float>(), Is.LessThan(1e-5f), $"{what}: inference output {i}");
                }

                // A loss that weighs every output element differently, so that each gradient is distinct.
                Tensor Loss(IReadOnlyList<Tensor> outputs) => outputs.Select((o, i) => (o * (arange(o.numel()).reshape(o.shape) * 0.01 + i + 1)).sum()).Aggregate((p, q) => p + q);
                var fusedGrads = autograd.grad([Loss(a)], [.. fused.TrainableWeights.Select(w => w.Value), x, .. initial]);
                var loopGrads = autograd.grad([Loss(b)], [.. loop.TrainableWeights.Select(w => w.Value), x, .. initial]);
                for (int i = 0; i < fusedGrads.Count; i++)
                {
                    float scale = Math.Max(1f, loopGrads[i].abs().max().item<float>());
                    Assert.That((fusedGrads[i] - loopGrads[i]).abs().max().item<float>() / scale, Is.LessThan(1e-5f), $"{what}: gradient {i}");
                }
            }
    }

    [Test]
    public void TrainingThroughTheFusedKernelUpdatesEveryKerasVariable()
    {
        using var model = new Sequential([new LSTM(4, inputShape: [5, 3]), new Dense(1)]);
        model.Compile(new SGD(learningRate: 0.1), new MeanSquaredError());
        var lstm = (LSTM)model.Layers[0];
        Assert.That(lstm.Cell.FusedForm(), Is.Not.Null);
        var before = lstm.GetWeights();
        var x = rand(8, 5, 3);
        var y = rand(8, 1);
        var grads = autograd.grad([new MeanSquaredError().Compute(y, model.Apply(x, training: true))], lstm.TrainableWeights.Select(w => w.Value).ToList());
        Assert.That(grads.Select(g => g.abs().sum().item<float>()), Has.All.GreaterThan(0f), "kernel, recurrent kernel and bias all get gradients");
        model.TrainOnBatch(x, y);
        var after = lstm.GetWeights();
        for (int i = 0; i < before.Count; i++)
            Assert.That((after[i] - before[i]).abs().max().item<float>(), Is.GreaterThan(0f), $"{lstm.Weights[i].Path} moved");
    }

    [Test]
    public void OnlyKerasCuDnnConfigurationsAreFused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Built(new LSTMCell(3)).FusedForm(), Is.Not.Null);
            Assert.That(Built(new LSTMCell(3, recurrentActivation: "hard_sigmoid")).FusedForm(), Is.Null);
            Assert.That(Built(new LSTMCell(3, activation: "relu")).FusedForm(), Is.Null);
            Assert.That(Built(new LSTMCell(3, useBias: false)).FusedForm(), Is.Null);
            Assert.That(Built(new LSTMCell(3, recurrentDropout: 0.1)).FusedForm(), Is.Null);
            Assert.That(Built(new LSTMCell(3, dropout: 0.1)).FusedForm(), Is.Not.Null, "input dropout is applied before the kernel");
            Assert.That(Built(new GRUCell(3)).FusedForm(), Is.Not.Null);
            Assert.That(Built(new GRUCell(3, resetAfter: false)).FusedForm(), Is.Null, "torch cannot express reset-before");
            Assert.That(Built(new SimpleRNNCell(3, "sigmoid")).FusedForm(), Is.Null);
        });
    }

    [Test]
    public void MasksWithHolesFallBackToTheLoop()
    {
        using var cell = Built(new LSTMCell(3));
        var x = rand(2, 4, 2);
        var states = cell.GetInitialState(2);
        Assert.That(RnnOps.Fused(cell.FusedForm()!, x, states, tensor(new[,] { { true, false, true, true }, { true, true, true, true } }), false, false, true), Is.Null);
        Assert.That(RnnOps.Fused(cell.FusedForm()!, x, states, tensor(new[,] { { false, true, true, false }, { false, false, false, false } }), false, false, true), Is.Not.Null);
    }

    private static T Built<T>(T cell) where T : RNNCell
    {
        cell.EnsureBuilt([Shape.Of(2, 2), .. cell.StateSize.Select(s => Shape.Of(2, s))]);
        return cell;
    }
}
