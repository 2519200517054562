using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// One step of a fully connected RNN (Keras <c>SimpleRNNCell</c>): <c>h = activation(x·kernel + bias + h₋₁·recurrent_kernel)</c>,
/// with kernel <c>(input_dim, units)</c>, recurrent kernel <c>(units, units)</c> and bias <c>(units,)</c>.
/// </summary>
public sealed class SimpleRNNCell : BaseRNNCell
{
    /// <summary>Creates the cell; arguments as Keras's.</summary>
    /// <param name="units">Size of the output and the state.</param>
    /// <param name="activation">Activation (tanh).</param>
    /// <param name="useBias">Whether a bias is added.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel (glorot_uniform).</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel (orthogonal).</param>
    /// <param name="biasInitializer">Initializer of the bias (zeros).</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel.</param>
    /// <param name="biasRegularizer">Penalty on the bias.</param>
    /// <param name="kernelConstraint">Projection of the input kernel.</param>
    /// <param name="recurrentConstraint">Projection of the recurrent kernel.</param>
    /// <param name="biasConstraint">Projection of the bias.</param>
    /// <param name="dropout">Fraction of the inputs dropped in training, one mask per sequence.</param>
    /// <param name="recurrentDropout">Fraction of the previous state dropped in training, one mask per sequence.</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public SimpleRNNCell(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, int? seed = null, string? name = null, bool trainable = true)
        : base(units, 1, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
            kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
            dropout, recurrentDropout, seed, name, trainable)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<int> StateSize => [Units];

    /// <inheritdoc />
    public override void Build(Shape inputShape) =>
        BuildWeights(inputShape, Shape.Of(Units), BiasInitializer);

    /// <inheritdoc />
    public override (Tensor Output, IReadOnlyList<Tensor> States) Call(Tensor inputs, IReadOnlyList<Tensor> states, bool training)
    {
        var previous = states[0];
        if (DropoutMask(inputs, training) is { } mask) inputs = inputs.mul(mask);
        var h = Affine(inputs, Kernel.Value, Bias?.Value);
        if (RecurrentDropoutMask(previous, training) is { } recurrentMask) previous = previous.mul(recurrentMask);
        var output = Activation.Call(h.addmm_(previous, RecurrentKernel.Value));
        return (output, [output]);
    }

    /// <inheritdoc />
    internal override FusedCell? FusedForm()
    {
        FusedRnnKind? kind = ReferenceEquals(Activation, Activations.Activations.Tanh) ? FusedRnnKind.RnnTanh
            : ReferenceEquals(Activation, Activations.Activations.Relu) ? FusedRnnKind.RnnRelu : null;
        return kind is { } k && RecurrentDropout == 0 && Bias is { } b
            ? new FusedCell(k, [Kernel.Value.t(), RecurrentKernel.Value.t(), b.Value, zeros_like(b.Value)])
            : null;
    }
}
