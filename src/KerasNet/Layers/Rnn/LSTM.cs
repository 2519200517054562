using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Layers;

/// <summary>
/// Long short-term memory layer (Keras <c>LSTM</c>): an <see cref="RNN"/> of an <see cref="LSTMCell"/>. Weights in
/// Keras's layout: kernel <c>(input_dim, 4·units)</c>, recurrent kernel <c>(units, 4·units)</c>, bias <c>(4·units,)</c>,
/// gates i, f, c, o. With the defaults (tanh, sigmoid, a bias, no recurrent dropout) it runs libtorch's fused LSTM.
/// </summary>
public class LSTM : RNN
{
    /// <summary>Creates the layer; arguments as Keras's (see <see cref="LSTMCell"/> and <see cref="RNN"/>).</summary>
    /// <param name="units">Size of the output and of each state.</param>
    /// <param name="activation">Activation of the candidate and the output (tanh).</param>
    /// <param name="recurrentActivation">Activation of the gates (sigmoid).</param>
    /// <param name="useBias">Whether a bias is added.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel (glorot_uniform).</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel (orthogonal).</param>
    /// <param name="biasInitializer">Initializer of the bias (zeros).</param>
    /// <param name="unitForgetBias">Whether the forget gate's bias starts at 1.</param>
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
    /// <param name="returnState">Whether the final states h and c follow the output.</param>
    /// <param name="goBackwards">Whether the sequence is processed from its end.</param>
    /// <param name="stateful">Whether each batch starts from the previous batch's final states.</param>
    /// <param name="unroll">Keras's unrolling flag (runs the step loop).</param>
    /// <param name="zeroOutputForMask">Whether masked steps output zeros instead of the previous output.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, <c>(timesteps, features)</c>.</param>
    /// <param name="batchSize">Fixed batch size (for <paramref name="stateful"/>).</param>
    public LSTM(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null, bool unitForgetBias = true,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, int? seed = null,
        bool returnSequences = false, bool returnState = false, bool goBackwards = false, bool stateful = false, bool unroll = false,
        bool zeroOutputForMask = false, string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : base(new LSTMCell(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, unitForgetBias,
                kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
                dropout, recurrentDropout, seed, name: "lstm_cell", trainable: trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, activityRegularizer, name, trainable, inputShape, batchSize)
    {
    }

    /// <summary>The cell.</summary>
    public new LSTMCell Cell => (LSTMCell)base.Cell;

    /// <summary>Size of the output and of each state.</summary>
    public int Units => Cell.Units;

    /// <inheritdoc />
    public override JsonObject GetConfig() => GetConfigWithCellInline();
}
