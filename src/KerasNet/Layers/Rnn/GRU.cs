using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// Gated recurrent unit layer (Keras <c>GRU</c>): an <see cref="RNN"/> of a <see cref="GRUCell"/>. Weights in Keras's
/// layout: kernel <c>(input_dim, 3·units)</c>, recurrent kernel <c>(units, 3·units)</c>, gates z, r, h; bias
/// <c>(2, 3·units)</c> with <c>resetAfter</c> (Keras 3's default), <c>(3·units,)</c> without (Keras 2's). With the defaults
/// (tanh, sigmoid, a bias, reset after, no recurrent dropout) it runs libtorch's fused GRU; the reset-before form, which
/// torch cannot express, always runs the step loop.
/// </summary>
public class GRU : RNN
{
    /// <summary>Creates the layer; arguments as Keras's (see <see cref="GRUCell"/> and <see cref="RNN"/>).</summary>
    /// <param name="units">Size of the output and the state.</param>
    /// <param name="activation">Activation of the candidate (tanh).</param>
    /// <param name="recurrentActivation">Activation of the gates (sigmoid).</param>
    /// <param name="useBias">Whether biases are added.</param>
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
    /// <param name="dropout">Fraction of the inputs dropped in training, masks fixed per sequence.</param>
    /// <param name="recurrentDropout">Fraction of h₋₁ dropped in training, masks fixed per sequence.</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <param name="returnSequences">Whether every step's output is returned.</param>
    /// <param name="returnState">Whether the final state follows the output.</param>
    /// <param name="goBackwards">Whether the sequence is processed from its end.</param>
    /// <param name="stateful">Whether each batch starts from the previous batch's final state.</param>
    /// <param name="unroll">Keras's unrolling flag (runs the step loop).</param>
    /// <param name="resetAfter">Whether the reset gate applies after the recurrent matmul.</param>
    /// <param name="zeroOutputForMask">Whether masked steps output zeros instead of the previous output.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, <c>(timesteps, features)</c>.</param>
    /// <param name="batchSize">Fixed batch size (for <paramref name="stateful"/>).</param>
    public GRU(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, int? seed = null,
        bool returnSequences = false, bool returnState = false, bool goBackwards = false, bool stateful = false, bool unroll = false,
        bool resetAfter = true, bool zeroOutputForMask = false, string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : base(new GRUCell(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
                kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
                dropout, recurrentDropout, resetAfter, seed, name: "gru_cell", trainable: trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, activityRegularizer, name, trainable, inputShape, batchSize)
    {
    }

    /// <summary>The cell.</summary>
    public new GRUCell Cell => (GRUCell)base.Cell;

    /// <summary>Size of the output and the state.</summary>
    public int Units => Cell.Units;

    /// <inheritdoc />
    public override JsonObject GetConfig() => GetConfigWithCellInline();
}
