using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// A cell with Keras's variational dropout (Keras <c>DropoutRNNCell</c>): one dropout mask is drawn per sequence
/// for the inputs (<see cref="Dropout"/>) and one for the recurrent state (<see cref="RecurrentDropout"/>), and reused
/// at every timestep until <see cref="ResetDropoutMasks"/>. Cells that apply one mask per gate ask for several.
/// </summary>
public abstract class DropoutRNNCell : RNNCell
{
    private Tensor[]? _dropoutMasks;
    private Tensor[]? _recurrentDropoutMasks;
    private Generator? _generator;

    /// <summary>Checks and records the dropout rates.</summary>
    /// <param name="dropout">Fraction of the inputs dropped, in [0, 1).</param>
    /// <param name="recurrentDropout">Fraction of the recurrent state dropped, in [0, 1).</param>
    /// <param name="seed">Seed of the masks' generator; null draws from libtorch's global generator.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    protected DropoutRNNCell(double dropout, double recurrentDropout, int? seed, string? name, bool trainable) : base(name, trainable)
    {
        if (!(dropout >= 0 && dropout < 1) || !(recurrentDropout >= 0 && recurrentDropout < 1))
            throw new KerasNetException($"{Describe()}: dropout and recurrentDropout must be in [0, 1), got dropout={dropout}, recurrentDropout={recurrentDropout}.");
        Dropout = dropout;
        RecurrentDropout = recurrentDropout;
        Seed = seed;
    }

    /// <summary>Fraction of the inputs dropped in training.</summary>
    public double Dropout { get; }

    /// <summary>Fraction of the recurrent state dropped in training.</summary>
    public double RecurrentDropout { get; }

    /// <summary>Seed of the dropout masks, if given.</summary>
    public int? Seed { get; }

    /// <summary>How many input (and recurrent) masks a sequence uses: 1, or one per gate.</summary>
    protected virtual int DropoutMaskCount => 1;

    /// <summary>Input dropout mask <paramref name="index"/> for this sequence (scaled by 1/(1 − rate)), or null in inference or without dropout.</summary>
    protected Tensor? DropoutMask(Tensor stepInputs, bool training, int index = 0) =>
        training && Dropout > 0 ? (_dropoutMasks ??= Draw(stepInputs, Dropout))[index] : null;

    /// <summary>Recurrent dropout mask <paramref name="index"/> for this sequence, or null in inference or without recurrent dropout.</summary>
    protected Tensor? RecurrentDropoutMask(Tensor state, bool training, int index = 0) =>
        training && RecurrentDropout > 0 ? (_recurrentDropoutMasks ??= Draw(state, RecurrentDropout))[index] : null;

    /// <inheritdoc />
    public override void ResetDropoutMasks()
    {
        _dropoutMasks = null;
        _recurrentDropoutMasks = null;
    }

    /// <summary>The sequence times the first input mask (the same mask at every step).</summary>
    internal override Tensor DropInputs(Tensor sequences, bool training) =>
        DropoutMask(sequences.select(1, 0), training) is { } mask ? sequences.mul(mask.unsqueeze(1)) : sequences;

    private Tensor[] Draw(Tensor like, double rate)
    {
        double keep = 1 - rate;
        if (Seed is int seed) _generator ??= new Generator((ulong)seed, like.device);
        return Enumerable.Range(0, DropoutMaskCount)
            .Select(_ => empty_like(like).bernoulli_(keep, generator: _generator).div_(keep))
            .ToArray();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _generator?.Dispose();
        base.Dispose();
    }
}
