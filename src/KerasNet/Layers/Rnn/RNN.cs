using System.Text.Json.Nodes;
using KerasNet.Backend;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Runs a cell over the time axis of <c>(batch, timesteps, features…)</c> inputs (Keras <c>RNN</c>). Call it on
/// <c>[sequences]</c> or <c>[sequences, initial states…]</c> (Keras's <c>initial_state</c>; one tensor per entry of
/// the cell's <see cref="RNNCell.StateSize"/>). Outputs: the last output <c>(batch, units)</c>, or every output
/// <c>(batch, timesteps, units)</c> with <see cref="ReturnSequences"/>, followed by the final states with
/// <see cref="ReturnState"/>.
/// </summary>
/// <remarks>
/// The initial states may also come as the keyword argument <c>initial_state</c> (a tensor or a list; Keras 3's
/// <c>layer(x, initial_state=[h, c])</c>, in graphs and on data through <see cref="CallContext"/> arguments).
/// A mask on the sequences (from <c>Embedding(maskZero: true)</c> or <c>Masking</c>) makes masked steps carry the
/// states over and repeat the previous output (zeros with <see cref="ZeroOutputForMask"/>). With
/// <see cref="GoBackwards"/> the sequence and its mask are processed from the end and returned sequences are in that
/// order. A <see cref="Stateful"/> layer needs a fixed batch size and starts each batch from the previous batch's final
/// states (no gradient flows back across batches: truncated backpropagation through time) until
/// <see cref="ResetStates"/>. Built-in cells run libtorch's fused kernels when Keras's cuDNN conditions hold (tanh and
/// sigmoid, no recurrent dropout, no unrolling, a bias, GRU with <c>reset_after</c>); masks whose used steps are one run
/// per sample stay fused; otherwise a step loop runs. Both give the same numbers.
/// </remarks>
public class RNN : Layer
{
    private Tensor[]? _states;
    private long? _statefulBatch;

    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="cell">The cell run at each step.</param>
    /// <param name="returnSequences">Whether every step's output is returned, or only the last.</param>
    /// <param name="returnState">Whether the final states follow the output.</param>
    /// <param name="goBackwards">Whether the sequence is processed from its end (outputs in that order).</param>
    /// <param name="stateful">Whether each batch starts from the previous batch's final states (fixed batch size).</param>
    /// <param name="unroll">Keras's unrolling flag; the step loop runs either way (it only excludes the fused kernel, as in Keras).</param>
    /// <param name="zeroOutputForMask">Whether masked steps output zeros instead of the previous output.</param>
    /// <param name="activityRegularizer">Penalty on the outputs (and returned states), divided by the batch size.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, <c>(timesteps, features)</c>.</param>
    /// <param name="batchSize">Fixed batch size (needed for <paramref name="stateful"/> as the first layer).</param>
    public RNN(RNNCell cell, bool returnSequences = false, bool returnState = false, bool goBackwards = false, bool stateful = false,
        bool unroll = false, bool zeroOutputForMask = false, Regularizer? activityRegularizer = null,
        string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        Cell = AddSublayer(cell);
        ReturnSequences = returnSequences;
        ReturnState = returnState;
        GoBackwards = goBackwards;
        Stateful = stateful;
        Unroll = unroll;
        ZeroOutputForMask = zeroOutputForMask;
        ActivityRegularizer = activityRegularizer;
    }

    /// <summary>Runs a stack of cells as one (Keras <c>RNN([cell, cell])</c>, a <see cref="StackedRNNCells"/>).</summary>
    public RNN(IReadOnlyList<RNNCell> cells, bool returnSequences = false, bool returnState = false, bool goBackwards = false, bool stateful = false,
        bool unroll = false, bool zeroOutputForMask = false, Regularizer? activityRegularizer = null,
        string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : this(new StackedRNNCells(cells), returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, activityRegularizer,
            name, trainable, inputShape, batchSize)
    {
    }

    /// <summary>The cell run at each step.</summary>
    public RNNCell Cell { get; }
    /// <summary>Whether every step's output is returned.</summary>
    public bool ReturnSequences { get; }
    /// <summary>Whether the final states follow the output.</summary>
    public bool ReturnState { get; }
    /// <summary>Whether the sequence is processed from its end.</summary>
    public bool GoBackwards { get; }
    /// <summary>Whether states carry over from batch to batch.</summary>
    public bool Stateful { get; }
    /// <summary>Keras's unrolling flag (the step loop runs; the fused kernel is not used).</summary>
    public bool Unroll { get; }
    /// <summary>Whether masked steps output zeros (set by <see cref="Bidirectional"/> when it returns sequences).</summary>
    public bool ZeroOutputForMask { get; internal set; }
    /// <summary>Penalty on the outputs, if any.</summary>
    public Regularizer? ActivityRegularizer { get; }

    /// <summary>The states a <see cref="Stateful"/> layer starts its next batch from (null before it is built).</summary>
    public IReadOnlyList<Tensor>? States => _states;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <summary>Keras's <c>call(sequences, initial_state)</c>.</summary>
    public override IReadOnlyList<string> CallArgumentNames => KerasCallArguments;

    private static readonly string[] KerasCallArguments = ["sequences", InitialStateArgument];

    /// <summary>The keyword argument that carries the initial states.</summary>
    internal const string InitialStateArgument = "initial_state";

    /// <summary>
    /// <c>[sequences, states…]</c> from the positional inputs and the <c>initial_state</c> keyword argument (shapes when
    /// building, tensors when running); giving both fails.
    /// </summary>
    internal static IReadOnlyList<T> WithInitialState<T>(Layer layer, IReadOnlyList<T> inputs, IReadOnlyDictionary<string, object?> arguments) where T : class
    {
        var states = arguments.GetValueOrDefault(InitialStateArgument) switch
        {
            null => null,
            T one => [one],
            IReadOnlyList<T?> list => list.Select((s, i) => s ?? throw new KerasNetException($"{layer.ClassName} '{layer.Name}': initial_state entry {i} is null.")).ToList(),
            var other => throw new KerasNetException($"{layer.ClassName} '{layer.Name}': initial_state must be a tensor or a list of tensors, got {other.GetType().Name}."),
        };
        if (states is null) return inputs;
        if (inputs.Count > 1)
            throw new KerasNetException($"{layer.ClassName} '{layer.Name}' got initial states both as extra inputs ({inputs.Count - 1}) and as initial_state ({states.Count}); give one.");
        return [inputs[0], .. states];
    }

    /// <summary>
    /// Sets the states of a <see cref="Stateful"/> layer to zeros, or to <paramref name="states"/> (Keras
    /// <c>reset_states</c>), one <c>(batch, size)</c> tensor per state.
    /// </summary>
    public void ResetStates(IReadOnlyList<Tensor>? states = null)
    {
        if (!Stateful) throw new KerasNetException($"{ClassName} '{Name}' is not stateful, so it has no states to reset.");
        if (_states is null || _statefulBatch is not long batch)
            throw new KerasNetException($"{ClassName} '{Name}' is not built yet; call it on data (or give it a batch size) before resetting its states.");
        if (states is not null) CheckStates(states.Select(s => Shape.Of(s.shape)).ToList(), batch, "ResetStates");
        var fresh = states?.Select(s => s.detach().to(ScalarType.Float32, _states[0].device).clone()).ToArray()
            ?? Cell.GetInitialState(batch).Select(s => s.to(_states[0].device)).ToArray();
        SetStates(fresh);
    }

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        Build(WithInitialState(this, inputShapes, arguments));

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        var sequences = CheckInputs(inputShapes);
        Cell.EnsureBuilt([new Shape([sequences[0], .. sequences.Skip(2)]), .. Cell.StateSize.Select(s => new Shape([sequences[0], s]))]);
        foreach (var w in Cell.Weights) w.Path = $"{Name}/{w.Path}";
        if (!Stateful) return;
        _statefulBatch = sequences[0] ?? throw new KerasNetException(
            $"{ClassName} '{Name}' is stateful, so its batch size must be fixed: give the input a batch size (Input(batchShape: …) or batchSize: …); got input shape {sequences}.");
        SetStates([.. Cell.GetInitialState(_statefulBatch.Value)]);
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        inputs = WithInitialState(this, inputs, context.Arguments);
        var sequences = inputs[0];
        CheckInputs(inputs.Select(t => Shape.Of(t.shape)).ToList());
        long batch = sequences.shape[0];
        if (sequences.shape[1] == 0) throw new KerasNetException($"{ClassName} '{Name}' needs at least one timestep; got input shape {Shape.Of(sequences.shape)}.");
        if (Stateful && batch != _statefulBatch)
            throw new KerasNetException($"{ClassName} '{Name}' is stateful with batch size {_statefulBatch}, but received a batch of {batch} (input shape {Shape.Of(sequences.shape)}). " +
                "Feed batches of that size (a sample count divisible by it), or rebuild the layer for another batch size.");
        var initial = inputs.Count > 1 ? inputs.Skip(1).ToList()
            : Stateful ? _states!.Select(s => s.to(sequences.device)).ToList()
            : Cell.GetInitialState(batch).Select(s => s.to(sequences.device)).ToList();
        var mask = context.Mask(0);
        if (mask is not null && (mask.dim() != 2 || mask.shape[0] != batch || mask.shape[1] != sequences.shape[1]))
            throw new KerasNetException($"{ClassName} '{Name}': the mask must have shape (batch, timesteps) = ({batch}, {sequences.shape[1]}), got {Shape.Of(mask.shape)}.");

        RecurrenceResult result;
        try
        {
            result = Recur(sequences, initial, mask, context.Training);
        }
        finally
        {
            Cell.ResetDropoutMasks();
        }
        if (Stateful) SetStates([.. result.States.Select(s => s.detach())]);
        IReadOnlyList<Tensor> outputs = [ReturnSequences ? result.Outputs! : result.LastOutput, .. ReturnState ? result.States : []];
        if (ActivityRegularizer is { } regularizer)
            foreach (var output in outputs)
                AddLoss(regularizer.Call(output).div(output.shape[0]));
        return outputs;
    }

    private RecurrenceResult Recur(Tensor sequences, IReadOnlyList<Tensor> initial, Tensor? mask, bool training)
    {
        if (!Unroll && sequences.dim() == 3 && Cell.FusedForm() is { } fused
            && RnnOps.Fused(fused, Cell.DropInputs(sequences, training), initial, mask, GoBackwards, ZeroOutputForMask, ReturnSequences) is { } result)
            return result;
        return RnnOps.Loop((x, states) => Cell.Call(x, states, training), sequences, initial, mask, GoBackwards, ZeroOutputForMask, ReturnSequences);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        ComputeOutputShape(WithInitialState(this, inputShapes, arguments));

    /// <summary>Output shapes: the output, then one <c>(batch, size)</c> per state with <see cref="ReturnState"/>.</summary>
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var sequences = CheckInputs(inputShapes);
        var output = ReturnSequences ? new Shape([sequences[0], sequences[1], Cell.OutputSize]) : new Shape([sequences[0], Cell.OutputSize]);
        return [output, .. ReturnState ? Cell.StateSize.Select(s => new Shape([sequences[0], s])) : []];
    }

    /// <summary>The sequences' mask goes to the returned sequence (none for the last output and the states).</summary>
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks)
    {
        var mask = ReturnSequences ? masks?[0] : null;
        return ReturnState ? [mask, .. Cell.StateSize.Select(_ => (Tensor?)null)] : mask is null ? null : [mask];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = RecurrentConfig();
        c["cell"] = new JsonObject { ["class_name"] = Cell.ClassName, ["config"] = Cell.GetConfig() };
        return c;
    }

    /// <summary>
    /// The config Keras writes for SimpleRNN, LSTM and GRU: the layer's arguments with the cell's inline (no
    /// <c>cell</c> entry), and the activity regularizer.
    /// </summary>
    private protected JsonObject GetConfigWithCellInline()
    {
        var c = RecurrentConfig();
        foreach (var (key, value) in Cell.GetConfig())
            if (key is not ("name" or "trainable" or "dtype")) c[key] = value?.DeepClone();
        c["activity_regularizer"] = ActivityRegularizer?.ToConfig();
        return c;
    }

    private JsonObject RecurrentConfig()
    {
        var c = base.GetConfig();
        c["return_sequences"] = ReturnSequences;
        c["return_state"] = ReturnState;
        c["go_backwards"] = GoBackwards;
        c["stateful"] = Stateful;
        c["unroll"] = Unroll;
        c["zero_output_for_mask"] = ZeroOutputForMask;
        if (ActivityRegularizer is { } regularizer) c["activity_regularizer"] = regularizer.ToConfig();
        return c;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        if (_states is not null) foreach (var s in _states) s.Dispose();
        base.Dispose();
    }

    /// <summary>Checks <c>[sequences, states…]</c> and returns the sequences' shape.</summary>
    private Shape CheckInputs(IReadOnlyList<Shape> shapes)
    {
        var sequences = shapes[0];
        if (sequences.Rank < 3)
            throw new KerasNetException($"{ClassName} '{Name}' expects sequences of shape (batch, timesteps, features), got an input of shape {sequences} (rank {sequences.Rank}).");
        if (shapes.Count > 1) CheckStates(shapes.Skip(1).ToList(), sequences[0], "initial_state");
        return sequences;
    }

    private void CheckStates(IReadOnlyList<Shape> states, long? batch, string what)
    {
        var sizes = Cell.StateSize;
        if (states.Count != sizes.Count)
            throw new KerasNetException($"{ClassName} '{Name}': {what} needs {sizes.Count} tensor(s) of shape {string.Join(", ", sizes.Select(s => $"(batch, {s})"))}, got {states.Count}: {string.Join(", ", states)}.");
        for (int i = 0; i < sizes.Count; i++)
            if (states[i].Rank != 2 || states[i][1] is long size && size != sizes[i] || batch is long b && states[i][0] is long sb && sb != b)
                throw new KerasNetException($"{ClassName} '{Name}': {what} tensor {i} must have shape ({batch?.ToString() ?? "batch"}, {sizes[i]}), got {states[i]}.");
    }

    private void SetStates(Tensor[] states)
    {
        foreach (var s in states) s.DetachFromDisposeScope();
        var old = _states;
        _states = states;
        if (old is not null) foreach (var s in old) s.Dispose();
    }
}
