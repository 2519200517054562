using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// Fully connected RNN whose output is fed back as its state (Keras <c>SimpleRNN</c>): an <see cref="RNN"/> of a
/// <see cref="SimpleRNNCell"/>. Weights: kernel <c>(input_dim, units)</c>, recurrent kernel <c>(units, units)</c>, bias
/// <c>(units,)</c>. With tanh or relu, a bias and no recurrent dropout it runs libtorch's fused RNN.
/// </summary>
public class SimpleRNN : RNN
{
    /// <summary>Creates the layer; arguments as Keras's (see <see cref="SimpleRNNCell"/> and <see cref="RNN"/>).</summary>
    /// <param name="units">Size of the output and the state.</param>
    /// <param name="activation">Activation (tanh).</param>
    /// <param name="useBias">Whether a bias is added.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel (glorot_uniform).</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel (orthogonal).</param>
    /// <param name="biasInitializer">Initializer of the bias (zeros).</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel.</param>
    /// <param name="biasRegularizer">Penalty on the bias.</param>
    /// <param name="activityRegularizer">Penalty on the outputs.</param>
    /// <param name="kernelConstraint">Projection of the input kernel.</param>
    /// <param name="recurrentConstraint">Projection of the recurrent kernel.</param>
    /// <param name="biasConstraint">Projection of the bias.</param>
    /// <param name="dropout">Fraction of the inputs dropped in training, one mask per sequence.</param>
    /// <param name="recurrentDropout">Fraction of the previous state dropped in training, one mask per sequence.</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <param name="returnSequences">Whether every step's output is returned.</param>
    /// <param name="returnState">Whether the final state follows the output.</param>
    /// <param name="goBackwards">Whether the sequence is processed from its end.</param>
    /// <param name="stateful">Whether each batch starts from the previous batch's final state.</param>
    /// <param name="unroll">Keras's unrolling flag (runs the step loop).</param>
    /// <param name="zeroOutputForMask">Whether masked steps output zeros instead of the previous output.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, <c>(timesteps, features)</c>.</param>
    /// <param name="batchSize">Fixed batch size (for <paramref name="stateful"/>).</param>
    public SimpleRNN(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, int? seed = null,
        bool returnSequences = false, bool returnState = false, bool goBackwards = false, bool stateful = false, bool unroll = false,
        bool zeroOutputForMask = false, string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : base(new SimpleRNNCell(units, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
                kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
                dropout, recurrentDropout, seed, name: "simple_rnn_cell", trainable: trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, activityRegularizer, name, trainable, inputShape, batchSize)
    {
    }

    /// <summary>The cell.</summary>
    public new SimpleRNNCell Cell => (SimpleRNNCell)base.Cell;

    /// <summary>Size of the output and the state.</summary>
    public int Units => Cell.Units;

    /// <inheritdoc />
    public override JsonObject GetConfig() => GetConfigWithCellInline();
}
