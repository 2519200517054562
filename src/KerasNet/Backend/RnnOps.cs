using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>What a recurrence returns (Keras <c>backend.rnn</c>): the last output, every output, the final states.</summary>
/// <param name="LastOutput">The output of the last processed step, <c>(batch, units…)</c>.</param>
/// <param name="Outputs">Every step's output in processing order, <c>(batch, time, units…)</c>, when asked for.</param>
/// <param name="States">The states after the last step.</param>
internal sealed record RecurrenceResult(Tensor LastOutput, Tensor? Outputs, IReadOnlyList<Tensor> States);

/// <summary>A cell as libtorch's fused ops take it: the kind and <c>[w_ih, w_hh, b_ih, b_hh]</c> in torch's layout.</summary>
internal sealed record FusedCell(FusedRnnKind Kind, Tensor[] Parameters);

/// <summary>
/// Keras's recurrence (<c>keras.backend.rnn</c>) on libtorch: a step loop that runs any cell, and the fused native
/// kernels for the cells they can express. Both follow Keras's rules: with <c>go_backwards</c> the inputs and the
/// mask are reversed and the outputs stay in processing order; at a masked step the states are carried over and the
/// output is the previous output (zeros before the first step, or always zeros with <c>zero_output_for_mask</c>).
/// </summary>
internal static class RnnOps
{
    /// <summary>
    /// Runs <paramref name="step"/> over the time axis (axis 1) of <paramref name="sequences"/>.
    /// </summary>
    /// <param name="step">One step: (inputs at t, states) → (output, new states).</param>
    /// <param name="sequences"><c>(batch, time, …)</c>.</param>
    /// <param name="initialStates">The states before the first step.</param>
    /// <param name="mask"><c>(batch, time)</c>, true where a step is used, or null.</param>
    /// <param name="goBackwards">Whether to process the sequence from its end.</param>
    /// <param name="zeroOutputForMask">Whether masked steps output zeros instead of the previous output.</param>
    /// <param name="returnSequences">Whether every step's output is kept.</param>
    public static RecurrenceResult Loop(Func<Tensor, IReadOnlyList<Tensor>, (Tensor Output, IReadOnlyList<Tensor> States)> step, Tensor sequences,
        IReadOnlyList<Tensor> initialStates, Tensor? mask, bool goBackwards, bool zeroOutputForMask, bool returnSequences)
    {
        var inputs = sequences.unbind(1);
        var masks = mask?.to(ScalarType.Bool).unbind(1);
        long steps = inputs.Length;
        IReadOnlyList<Tensor> states = initialStates;
        Tensor? previous = null;
        var outputs = new List<Tensor>(returnSequences ? inputs.Length : 1);
        for (long i = 0; i < steps; i++)
        {
            long t = goBackwards ? steps - 1 - i : i;
            var (output, next) = step(inputs[t], states);
            if (masks is not null)
            {
                var keep = masks[t];
                output = where(Expand(keep, output), output, zeroOutputForMask || previous is null ? zeros_like(output) : previous);
                next = next.Select((s, k) => where(Expand(keep, s), s, states[k])).ToList();
            }
            states = next;
            previous = output;
            if (returnSequences) outputs.Add(output);
        }
        return new RecurrenceResult(previous!, returnSequences ? stack(outputs, 1) : null, states);
    }

    /// <summary>
    /// Runs a fused cell over <paramref name="sequences"/> <c>(batch, time, features)</c> with the same results as
    /// <see cref="Loop"/>, or returns null when the mask is not one contiguous run of used steps per sample (then the
    /// caller loops). Right- and left-padded masks run as packed sequences.
    /// </summary>
    public static RecurrenceResult? Fused(FusedCell cell, Tensor sequences, IReadOnlyList<Tensor> initialStates, Tensor? mask,
        bool goBackwards, bool zeroOutputForMask, bool returnSequences)
    {
        var x = goBackwards ? sequences.flip(1) : sequences;
        var m = mask is null ? null : (goBackwards ? mask.flip(1) : mask).to(ScalarType.Bool);
        var hx = initialStates.Select(s => s.unsqueeze(0)).ToArray();
        if (m is null || m.all().item<bool>())
        {
            var (y, h, c) = FusedRnnKernels.Run(cell.Kind, x, hx, cell.Parameters);
            return Result(y, States(cell.Kind, h, c), returnSequences);
        }
        return Runs.Of(m) is { } runs ? FusedRuns(cell, x, hx, runs, initialStates, zeroOutputForMask, returnSequences) : null;
    }

    /// <summary>The used steps of each sample when they form one run: its first step and its length (0 for none).</summary>
    private sealed record Runs(Tensor Start, Tensor Length)
    {
        public static Runs? Of(Tensor mask)
        {
            long time = mask.shape[1];
            var length = mask.sum(1, type: ScalarType.Int64);
            var start = mask.to(ScalarType.Int32).argmax(1);
            var t = arange(time, device: mask.device).unsqueeze(0);
            var run = t.ge(start.unsqueeze(1)).logical_and(t.lt((start + length).unsqueeze(1)));
            return run.eq(mask).all().item<bool>() ? new Runs(start, length) : null;
        }
    }

    private static RecurrenceResult FusedRuns(FusedCell cell, Tensor x, Tensor[] hx, Runs runs, IReadOnlyList<Tensor> initialStates,
        bool zeroOutputForMask, bool returnSequences)
    {
        long batch = x.shape[0], time = x.shape[1];
        var t = arange(time, device: x.device).unsqueeze(0);
        // Move each sample's run to the front, then run the samples longest first as packed sequences.
        var shifted = x.gather(1, (t + runs.Start.unsqueeze(1)).clamp_max(time - 1).unsqueeze(2).expand(x.shape));
        var (lengths, order) = runs.Length.clamp_min(1).sort(descending: true);
        var restore = order.argsort();
        var (y, h, c) = FusedRnnKernels.RunPacked(cell.Kind, shifted.index_select(0, order), lengths.cpu(),
            hx.Select(s => s.index_select(1, order)).ToArray(), cell.Parameters);
        y = y.index_select(0, restore);
        // Back to the time axis of the mask: nothing before the run, the run, then the last output carried (or zeros).
        var offset = (t - runs.Start.unsqueeze(1)).clamp_min(0).minimum((runs.Length - 1).clamp_min(0).unsqueeze(1));
        var gathered = y.gather(1, offset.unsqueeze(2).expand(batch, time, y.shape[2]));
        var after = t.ge(runs.Start.unsqueeze(1));
        var keep = zeroOutputForMask ? after.logical_and(t.lt((runs.Start + runs.Length).unsqueeze(1))) : after.logical_and(runs.Length.gt(0).unsqueeze(1));
        var outputs = where(keep.unsqueeze(2), gathered, zeros_like(gathered));
        var used = runs.Length.gt(0).unsqueeze(1);
        var states = States(cell.Kind, h.index_select(1, restore), c.index_select(1, restore))
            .Select((s, k) => where(used, s, initialStates[k])).ToList();
        return Result(outputs, states, returnSequences);
    }

    private static IReadOnlyList<Tensor> States(FusedRnnKind kind, Tensor h, Tensor c) =>
        kind == FusedRnnKind.Lstm ? [h.squeeze(0), c.squeeze(0)] : [h.squeeze(0)];

    private static RecurrenceResult Result(Tensor outputs, IReadOnlyList<Tensor> states, bool returnSequences) =>
        new(outputs.select(1, -1), returnSequences ? outputs : null, states);

    /// <summary>A <c>(batch,)</c> step mask shaped to broadcast over <paramref name="like"/>.</summary>
    private static Tensor Expand(Tensor keep, Tensor like) => keep.reshape([keep.shape[0], .. Enumerable.Repeat(1L, (int)like.dim() - 1)]);
}
