using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.Layers.Rnn.RandomRecurrence;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>
/// Recurrent layers against <see cref="RnnReference"/> (float64, written from Keras's equations) over random
/// configurations: every cell kind, both GRU forms, fused and non-fused activations, with and without bias, random
/// sizes, go_backwards, return_sequences/return_state, initial states, unroll (the loop) and masks of every shape.
/// </summary>
public sealed class RecurrentReferenceTests
{
    private const int Trials = 40;

    [TestCase("simple")]
    [TestCase("lstm")]
    [TestCase("gru")]
    public void SingleLayersMatchTheReference(string kind)
    {
        var r = new RandomRecurrence(kind.Length * 101);
        for (int trial = 0; trial < Trials; trial++)
        {
            var spec = r.CellSpec(kind, r.Int(1, 6));
            var run = new Options(r);
            var cell = Cell(spec, run.UseBias);
            using var layer = new RNN(cell, run.ReturnSequences, run.ReturnState, run.GoBackwards, unroll: run.Unroll, zeroOutputForMask: run.ZeroOutputForMask);
            CheckAgainstReference(r, layer, [spec], run, $"trial {trial}: {spec.Kind} units={spec.Units} {spec.Activation}/{spec.RecurrentActivation} reset_after={spec.ResetAfter} {run}");
        }
    }

    [Test]
    public void StackedCellsMatchTheReference()
    {
        var r = new RandomRecurrence(7);
        for (int trial = 0; trial < Trials / 2; trial++)
        {
            var specs = Enumerable.Range(0, r.Int(2, 3)).Select(_ => r.CellSpec(r.Pick("simple", "lstm", "gru"), r.Int(1, 5))).ToList();
            var run = new Options(r);
            using var layer = new RNN(specs.Select(s => Cell(s, run.UseBias)).ToList(), run.ReturnSequences, run.ReturnState, run.GoBackwards,
                zeroOutputForMask: run.ZeroOutputForMask);
            CheckAgainstReference(r, layer, specs, run, $"trial {trial}: {string.Join(" → ", specs.Select(s => $"{s.Kind}({s.Units})"))} {run}");
        }
    }

    [TestCase("concat")]
    [TestCase("sum")]
    [TestCase("mul")]
    [TestCase("ave")]
    [TestCase(null)]
    public void BidirectionalMatchesTheReference(string? mergeMode)
    {
        var r = new RandomRecurrence(11 + (mergeMode?.Length ?? 0));
        for (int trial = 0; trial < Trials / 4; trial++)
        {
            var spec = r.CellSpec(r.Pick("simple", "lstm", "gru"), r.Int(1, 5));
            var run = new Options(r) { GoBackwards = false, ZeroOutputForMask = false };
            using var wrapped = new RNN(Cell(spec, run.UseBias), run.ReturnSequences, run.ReturnState);
            using var layer = new Bidirectional(wrapped, mergeMode);
            long batch = r.Int(1, 3), time = r.Int(1, 5), features = r.Int(1, 4);
            var x = r.Uniform([batch, time, features], 1.0);
            var mask = r.Mask(batch, time);
            var initial = run.InitialState
                ? Enumerable.Range(0, 2 * (spec.Kind == "lstm" ? 2 : 1)).Select(_ => r.Uniform([batch, spec.Units])).ToList()
                : [];
            layer.EnsureBuilt([Shape.Of(x.shape), .. initial.Select(s => Shape.Of(s.shape))]);
            var weights = r.RandomizeWeights(layer);
            int half = weights.Count / 2;
            var forwardCell = WithWeights(spec, weights.Take(half).ToList());
            var backwardCell = WithWeights(spec, weights.Skip(half).ToList());
            var outputs = layer.ApplyMulti([x, .. initial], new CallContext(false, mask is null ? null : [mask, .. initial.Select(_ => (Tensor?)null)]));

            int stateCount = forwardCell.StateCount;
            RnnReference.Run Direction(int b, RnnReference.Cell c, bool backwards, int stateOffset) => RnnReference.Sequence([c], Steps(x, b), MaskRow(mask, b),
                initial.Count > 0 ? initial.Skip(stateOffset).Take(stateCount).Select(s => Values(s[b])).ToArray()
                    : Enumerable.Repeat(new double[spec.Units], stateCount).ToArray(),
                backwards, zeroOutputForMask: run.ReturnSequences);
            double[] Output(RnnReference.Run run1, bool reverse) => run.ReturnSequences
                ? (reverse ? run1.Outputs.Reverse() : run1.Outputs).SelectMany(o => o).ToArray()
                : run1.Last;
            double[] Merged(int b, bool forwardPart)
            {
                var f = Output(Direction(b, forwardCell, false, 0), false);
                var k = Output(Direction(b, backwardCell, true, stateCount), true);
                return mergeMode switch
                {
                    "concat" => run.ReturnSequences
                        ? Enumerable.Range(0, (int)time).SelectMany(t => f.Skip(t * spec.Units).Take(spec.Units).Concat(k.Skip(t * spec.Units).Take(spec.Units))).ToArray()
                        : [.. f, .. k],
                    "sum" => f.Zip(k, (a, c) => a + c).ToArray(),
                    "mul" => f.Zip(k, (a, c) => a * c).ToArray(),
                    "ave" => f.Zip(k, (a, c) => (a + c) / 2).ToArray(),
                    _ => forwardPart ? f : k,
                };
            }
            string what = $"trial {trial}: Bidirectional({mergeMode ?? "None"}) {spec.Kind}({spec.Units}) {run} mask={(mask is null ? "none" : "yes")}";
            int merged = mergeMode is null ? 2 : 1;
            Assert.That(outputs, Has.Count.EqualTo(merged + (run.ReturnState ? 2 * stateCount : 0)), what);
            AssertClose(outputs[0], b => Merged(b, true), what);
            if (mergeMode is null) AssertClose(outputs[1], b => Merged(b, false), what);
            for (int s = 0; run.ReturnState && s < 2 * stateCount; s++)
            {
                int state = s;
                AssertClose(outputs[merged + s], b => Direction(b, state < stateCount ? forwardCell : backwardCell, state >= stateCount,
                    state < stateCount ? 0 : stateCount).States[state % stateCount], $"{what}, state {s}");
            }
        }
    }

    [Test]
    public void StatefulLayersCarryTheirStatesAcrossCallsUntilReset()
    {
        var r = new RandomRecurrence(23);
        for (int trial = 0; trial < 6; trial++)
        {
            var spec = r.CellSpec(r.Pick("simple", "lstm", "gru"), r.Int(1, 4));
            bool goBackwards = r.Coin();
            using var layer = new RNN(Cell(spec, true), returnSequences: true, goBackwards: goBackwards, stateful: true);
            long batch = r.Int(1, 3), features = r.Int(1, 3);
            var x1 = r.Uniform([batch, r.Int(1, 4), features], 1.0);
            var x2 = r.Uniform([batch, r.Int(1, 4), features], 1.0);
            layer.EnsureBuilt(Shape.Of(x1.shape));
            var cell = WithWeights(spec, r.RandomizeWeights(layer));
            var zero = Enumerable.Repeat(new double[spec.Units], cell.StateCount).ToArray();
            var first = layer.Apply(x1);
            var second = layer.Apply(x2);
            layer.ResetStates();
            var afterReset = layer.Apply(x2);
            string what = $"trial {trial}: stateful {spec.Kind}({spec.Units}) go_backwards={goBackwards}";
            AssertClose(first, b => RnnReference.Sequence([cell], Steps(x1, b), null, zero, goBackwards, false).Outputs.SelectMany(o => o).ToArray(), what);
            AssertClose(second, b =>
            {
                var carried = RnnReference.Sequence([cell], Steps(x1, b), null, zero, goBackwards, false).States;
                return RnnReference.Sequence([cell], Steps(x2, b), null, carried, goBackwards, false).Outputs.SelectMany(o => o).ToArray();
            }, $"{what}, second batch");
            AssertClose(afterReset, b => RnnReference.Sequence([cell], Steps(x2, b), null, zero, goBackwards, false).Outputs.SelectMany(o => o).ToArray(), $"{what}, after reset");
        }
    }

    /// <summary>Random call options of one trial.</summary>
    private sealed record Options
    {
        public Options(RandomRecurrence r)
        {
            UseBias = r.Coin(0.8);
            ReturnSequences = r.Coin();
            ReturnState = r.Coin();
            GoBackwards = r.Coin();
            Unroll = r.Coin(0.25);
            ZeroOutputForMask = r.Coin(0.3);
            InitialState = r.Coin(0.4);
        }

        public bool UseBias { get; init; }
        public bool ReturnSequences { get; init; }
        public bool ReturnState { get; init; }
        public bool GoBackwards { get; init; }
        public bool Unroll { get; init; }
        public bool ZeroOutputForMask { get; init; }
        public bool InitialState { get; init; }

        public override string ToString() =>
            $"bias={UseBias} return_sequences={ReturnSequences} return_state={ReturnState} go_backwards={GoBackwards} unroll={Unroll} zero_output_for_mask={ZeroOutputForMask} initial_state={InitialState}";
    }

    private static void CheckAgainstReference(RandomRecurrence r, RNN layer, IReadOnlyList<RnnReference.Cell> specs, Options run, string what)
    {
        long batch = r.Int(1, 4), time = r.Int(1, 6), features = r.Int(1, 5);
        var x = r.Uniform([batch, time, features], 1.0);
        var mask = r.Mask(batch, time);
        var stateSizes = layer.Cell.StateSize;
        var initial = run.InitialState ? stateSizes.Select(s => r.Uniform([batch, s])).ToList() : [];
        layer.EnsureBuilt([Shape.Of(x.shape), .. initial.Select(s => Shape.Of(s.shape))]);
        var weights = r.RandomizeWeights(layer);
        int perCell = run.UseBias ? 3 : 2;
        var cells = specs.Select((s, i) => WithWeights(s, weights.Skip(i * perCell).Take(perCell).ToList())).ToList();

        var outputs = layer.ApplyMulti([x, .. initial], new CallContext(false, mask is null ? null : [mask, .. initial.Select(_ => (Tensor?)null)]));
        RnnReference.Run Reference(int b) => RnnReference.Sequence(cells, Steps(x, b), MaskRow(mask, b),
            initial.Count > 0 ? initial.Select(s => Values(s[b])).ToArray() : stateSizes.Select(s => new double[s]).ToArray(),
            run.GoBackwards, run.ZeroOutputForMask);
        what += $" batch={batch} time={time} features={features} mask={(mask is null ? "none" : string.Join("", TestTensors.Values(mask.to(ScalarType.Int64)).Select(v => v > 0 ? '1' : '0')))}";
        Assert.That(outputs, Has.Count.EqualTo(1 + (run.ReturnState ? stateSizes.Count : 0)), what);
        AssertClose(outputs[0], b => run.ReturnSequences ? Reference(b).Outputs.SelectMany(o => o).ToArray() : Reference(b).Last, what);
        for (int s = 0; run.ReturnState && s < stateSizes.Count; s++)
        {
            int state = s;
            AssertClose(outputs[1 + s], b => Reference(b).States[state], $"{what}, state {s}");
        }
    }
}
