using System.Text.Json.Nodes;
using KerasNet.Saving;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Runs a recurrent layer over the sequence in both directions and merges the two outputs (Keras
/// <c>Bidirectional</c>). The forward layer is a fresh copy of the wrapped layer's config named
/// <c>forward_&lt;name&gt;</c>; the backward layer is the given <c>backwardLayer</c>, or a copy with
/// <c>go_backwards</c> named <c>backward_&lt;name&gt;</c>. The backward sequence output is flipped back to the input's
/// time order before merging. Weights: all the forward layer's, then all the backward layer's.
/// </summary>
/// <remarks>
/// Call it on <c>[sequences]</c> or <c>[sequences, forward states…, backward states…]</c>. Outputs: the merged output
/// (two outputs, forward then backward, when <see cref="MergeMode"/> is null), then with <c>return_state</c> the forward
/// layer's final states and the backward layer's. When the layers return sequences, masked steps output zeros (Keras
/// forces <c>zero_output_for_mask</c> then).
/// </remarks>
public sealed class Bidirectional : Layer
{
    private static readonly string?[] MergeModes = ["concat", "sum", "mul", "ave", null];

    /// <summary>Wraps <paramref name="layer"/>; arguments as Keras's.</summary>
    /// <param name="layer">The recurrent layer whose config both directions copy.</param>
    /// <param name="mergeMode"><c>concat</c> (on the last axis, forward first), <c>sum</c>, <c>mul</c>, <c>ave</c>, or null for both outputs unmerged.</param>
    /// <param name="backwardLayer">The layer for the backward direction (used as given); it must differ from <paramref name="layer"/> in <c>go_backwards</c> and agree in <c>stateful</c>, <c>return_sequences</c> and <c>return_state</c>.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, <c>(timesteps, features)</c>.</param>
    /// <param name="batchSize">Fixed batch size (for stateful layers).</param>
    public Bidirectional(RNN layer, string? mergeMode = "concat", RNN? backwardLayer = null, string? name = null, bool trainable = true,
        Shape? inputShape = null, int? batchSize = null)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        if (!MergeModes.Contains(mergeMode))
            throw new KerasNetException($"Bidirectional '{Name}': mergeMode must be one of concat, sum, mul, ave or null, got '{mergeMode}'.");
        MergeMode = mergeMode;
        ForwardLayer = AddSublayer(Copy(layer, "forward_", goBackwards: null));
        BackwardLayer = AddSublayer(backwardLayer ?? Copy(layer, "backward_", goBackwards: true));
        if (ForwardLayer.GoBackwards == BackwardLayer.GoBackwards)
            throw new KerasNetException($"Bidirectional '{Name}': the forward and backward layers must differ in go_backwards; both have go_backwards={ForwardLayer.GoBackwards}.");
        foreach (var (what, f, b) in new[] { ("stateful", ForwardLayer.Stateful, BackwardLayer.Stateful), ("return_sequences", ForwardLayer.ReturnSequences, BackwardLayer.ReturnSequences), ("return_state", ForwardLayer.ReturnState, BackwardLayer.ReturnState) })
            if (f != b)
                throw new KerasNetException($"Bidirectional '{Name}': the forward and backward layers must agree in {what}; got {f} for the forward layer and {b} for the backward layer.");
        ForwardLayer.ZeroOutputForMask = ForwardLayer.ReturnSequences;
        BackwardLayer.ZeroOutputForMask = BackwardLayer.ReturnSequences;
    }

    /// <summary>The forward-direction layer.</summary>
    public RNN ForwardLayer { get; }
    /// <summary>The backward-direction layer.</summary>
    public RNN BackwardLayer { get; }
    /// <summary>How the two outputs are merged; null keeps both.</summary>
    public string? MergeMode { get; }
    /// <summary>Whether the layers carry states from batch to batch.</summary>
    public bool Stateful => ForwardLayer.Stateful;
    /// <summary>Whether the layers return every step's output.</summary>
    public bool ReturnSequences => ForwardLayer.ReturnSequences;
    /// <summary>Whether the final states follow the output(s).</summary>
    public bool ReturnState => ForwardLayer.ReturnState;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <summary>Sets the states of both (stateful) layers to zeros.</summary>
    public void ResetStates()
    {
        if (!Stateful) throw new KerasNetException($"Bidirectional '{Name}' is not stateful, so it has no states to reset.");
        ForwardLayer.ResetStates();
        BackwardLayer.ResetStates();
    }

    /// <summary>Keras's <c>call(sequences, initial_state)</c>: <c>initial_state</c> lists the forward states, then the backward ones.</summary>
    public override IReadOnlyList<string> CallArgumentNames => ForwardLayer.CallArgumentNames;

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        Build(RNN.WithInitialState(this, inputShapes, arguments));

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        var (forward, backward) = Split(inputShapes);
        ForwardLayer.EnsureBuilt([.. forward]);
        BackwardLayer.EnsureBuilt([.. backward]);
        foreach (var w in Weights) w.Path = $"{Name}/{w.Path}";
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        var (forwardInputs, backwardInputs) = Split(RNN.WithInitialState(this, inputs, context.Arguments));
        CallContext Context(int count) =>
            new(context.Training, context.Mask(0) is { } mask ? [mask, .. Enumerable.Repeat<Tensor?>(null, count - 1)] : null);
        var y = ForwardLayer.ApplyMulti(forwardInputs, Context(forwardInputs.Count));
        var yReversed = BackwardLayer.ApplyMulti(backwardInputs, Context(backwardInputs.Count));
        Tensor output = y[0], reversed = ReturnSequences ? yReversed[0].flip(1) : yReversed[0];
        IReadOnlyList<Tensor> merged = MergeMode switch
        {
            "concat" => [cat([output, reversed], -1)],
            "sum" => [output.add(reversed)],
            "ave" => [output.add(reversed).div_(2)],
            "mul" => [output.mul(reversed)],
            _ => [output, reversed],
        };
        return [.. merged, .. y.Skip(1), .. yReversed.Skip(1)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        ComputeOutputShape(RNN.WithInitialState(this, inputShapes, arguments));

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var shapes = ForwardLayer.ComputeOutputShape(Split(inputShapes).Forward);
        var output = shapes[0];
        var states = shapes.Skip(1).ToList();
        IReadOnlyList<Shape> merged = MergeMode switch
        {
            "concat" => [new Shape([.. output.Take(output.Rank - 1), output[-1] * 2])],
            null => [output, output],
            _ => [output],
        };
        return [.. merged, .. states, .. states];
    }

    /// <summary>The sequences' mask goes to each returned sequence; the last outputs and the states get none.</summary>
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks)
    {
        var mask = ReturnSequences ? masks?[0] : null;
        int states = ReturnState ? 2 * ForwardLayer.Cell.StateSize.Count : 0;
        return [.. Enumerable.Repeat(mask, MergeMode is null ? 2 : 1), .. Enumerable.Repeat<Tensor?>(null, states)];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["merge_mode"] = MergeMode;
        c["layer"] = new JsonObject { ["class_name"] = ForwardLayer.ClassName, ["config"] = ForwardLayer.GetConfig() };
        c["backward_layer"] = new JsonObject { ["class_name"] = BackwardLayer.ClassName, ["config"] = BackwardLayer.GetConfig() };
        return c;
    }

    /// <summary>A fresh layer from <paramref name="layer"/>'s config, renamed with <paramref name="prefix"/>.</summary>
    private static RNN Copy(RNN layer, string prefix, bool? goBackwards)
    {
        var config = layer.GetConfig();
        config["name"] = prefix + (layer.Name.StartsWith(prefix, StringComparison.Ordinal) ? layer.Name[prefix.Length..] : layer.Name);
        if (goBackwards is bool g) config["go_backwards"] = g;
        return LayerDeserializer.FromConfig(layer.ClassName, config) as RNN
            ?? throw new KerasNetException($"Bidirectional: the copy of layer '{layer.Name}' ({layer.ClassName}) read from its config is not a recurrent layer.");
    }

    /// <summary>Splits <c>[sequences, states…]</c> into the forward and backward layers' inputs (the states half and half).</summary>
    private (IReadOnlyList<T> Forward, IReadOnlyList<T> Backward) Split<T>(IReadOnlyList<T> inputs)
    {
        int states = inputs.Count - 1;
        if (states % 2 != 0)
            throw new KerasNetException($"Bidirectional '{Name}' takes [sequences, forward states…, backward states…]: the initial states must split in two halves, got {states}.");
        return ([inputs[0], .. inputs.Skip(1).Take(states / 2)], [inputs[0], .. inputs.Skip(1 + states / 2)]);
    }
}
