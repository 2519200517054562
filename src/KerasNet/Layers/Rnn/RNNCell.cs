using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// One step of a recurrence, for <see cref="RNN"/> (Keras's RNN cell contract): <see cref="Call(Tensor, IReadOnlyList{Tensor}, bool)"/>
/// maps the inputs at one timestep and the previous states to an output and the next states; <see cref="StateSize"/>
/// gives the states' sizes. Subclass it for a custom cell and register it with <c>LayerRegistry.Register</c> to read
/// it from configs. Called as a layer on data or in a graph, a cell takes <c>[inputs, states…]</c> and returns
/// <c>[output, states…]</c>.
/// </summary>
public abstract class RNNCell : Layer
{
    /// <summary>Sets the arguments every layer takes.</summary>
    protected RNNCell(string? name = null, bool trainable = true) : base(name, trainable) { }

    /// <summary>The size of each state (e.g. <c>[units, units]</c> for an LSTM's h and c).</summary>
    public abstract IReadOnlyList<int> StateSize { get; }

    /// <summary>The size of the output; the first state's size by default.</summary>
    public virtual int OutputSize => StateSize[0];

    /// <summary>One timestep: the output and the next states from the inputs <c>(batch, features)</c> and the previous states.</summary>
    /// <param name="inputs">The inputs at this timestep.</param>
    /// <param name="states">The states after the previous timestep, one per <see cref="StateSize"/> entry.</param>
    /// <param name="training">True in training (dropout active).</param>
    public abstract (Tensor Output, IReadOnlyList<Tensor> States) Call(Tensor inputs, IReadOnlyList<Tensor> states, bool training);

    /// <summary>The states before the first step (Keras <c>get_initial_state</c>): zeros of <c>(batchSize, size)</c>.</summary>
    public virtual IReadOnlyList<Tensor> GetInitialState(long batchSize) =>
        StateSize.Select(size => zeros(batchSize, size, device: Engine.Device)).ToList();

    /// <summary>Forgets the dropout masks drawn for the current sequence; <see cref="RNN"/> calls it after each sequence.</summary>
    public virtual void ResetDropoutMasks() { }

    /// <summary>The cell in the form a fused libtorch kernel takes, or null when that kernel cannot express it.</summary>
    internal virtual FusedCell? FusedForm() => null;

    /// <summary>The sequence with the cell's input dropout applied, as the fused kernel needs it (one mask for every step).</summary>
    internal virtual Tensor DropInputs(Tensor sequences, bool training) => sequences;

    /// <summary>The cell as errors name it, e.g. <c>LSTMCell 'lstm_cell'</c>.</summary>
    private protected string Describe() => $"{ClassName} '{Name}'";

    /// <summary>Builds the cell for <c>[inputs, states…]</c>: the weights depend on the inputs' shape only.</summary>
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        CheckStepShapes(inputShapes);
        Build(inputShapes[0]);
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        CheckStepShapes(inputs.Select(t => Shape.Of(t.shape)).ToList());
        try
        {
            var (output, states) = Call(inputs[0], inputs.Skip(1).ToList(), context.Training);
            return [output, .. states];
        }
        finally
        {
            ResetDropoutMasks();
        }
    }

    /// <summary><c>[(batch, output_size), (batch, state_size)…]</c>.</summary>
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        CheckStepShapes(inputShapes);
        var batch = inputShapes[0][0];
        return [new Shape([batch, OutputSize]), .. StateSize.Select(s => new Shape([batch, s]))];
    }

    private void CheckStepShapes(IReadOnlyList<Shape> shapes)
    {
        if (shapes.Count != 1 + StateSize.Count)
            throw new KerasNetException($"{Describe()} is called on [inputs, states…]: it needs 1 + {StateSize.Count} tensors (states of sizes {string.Join(", ", StateSize)}), got {shapes.Count}.");
        if (shapes[0].Rank < 2)
            throw new KerasNetException($"{Describe()}: the inputs of one timestep must be (batch, features), got shape {shapes[0]}.");
        for (int i = 0; i < StateSize.Count; i++)
            if (shapes[i + 1].Rank != 2 || shapes[i + 1][1] is long size && size != StateSize[i])
                throw new KerasNetException($"{Describe()}: state {i} must have shape (batch, {StateSize[i]}), got {shapes[i + 1]}.");
    }
}
