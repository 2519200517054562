using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// One step of a long short-term memory (Keras <c>LSTMCell</c>). Kernel <c>(input_dim, 4·units)</c>, recurrent kernel
/// <c>(units, 4·units)</c> and bias <c>(4·units,)</c> hold the gates in Keras's order i, f, c, o:
/// <c>z = x·kernel + h₋₁·recurrent_kernel + bias</c>, <c>c = σ(z_f)·c₋₁ + σ(z_i)·act(z_c)</c>, <c>h = σ(z_o)·act(c)</c>
/// with σ the recurrent activation. States: <c>[h, c]</c>.
/// </summary>
public sealed class LSTMCell : BaseRNNCell
{
    /// <summary>Creates the cell; arguments as Keras's.</summary>
    /// <param name="units">Size of the output and of each state.</param>
    /// <param name="activation">Activation of the candidate and the output (tanh).</param>
    /// <param name="recurrentActivation">Activation of the gates (sigmoid; Keras 2 files often use <c>hard_sigmoid</c>).</param>
    /// <param name="useBias">Whether a bias is added.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel (glorot_uniform).</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel (orthogonal).</param>
    /// <param name="biasInitializer">Initializer of the bias (zeros).</param>
    /// <param name="unitForgetBias">Whether the forget gate's bias starts at 1 (then the other blocks come from <paramref name="biasInitializer"/>).</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel.</param>
    /// <param name="biasRegularizer">Penalty on the bias.</param>
    /// <param name="kernelConstraint">Projection of the input kernel.</param>
    /// <param name="recurrentConstraint">Projection of the recurrent kernel.</param>
    /// <param name="biasConstraint">Projection of the bias.</param>
    /// <param name="dropout">Fraction of the inputs dropped in training, masks fixed per sequence.</param>
    /// <param name="recurrentDropout">Fraction of h₋₁ dropped in training, masks fixed per sequence (then one mask per gate, as Keras's implementation 1).</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public LSTMCell(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null, bool unitForgetBias = true,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, int? seed = null, string? name = null, bool trainable = true)
        : base(units, 4, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
            kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
            dropout, recurrentDropout, seed, name, trainable)
    {
        RecurrentActivation = recurrentActivation ?? Activations.Activations.Sigmoid;
        UnitForgetBias = unitForgetBias;
    }

    /// <summary>Activation of the gates.</summary>
    public ActivationFunction RecurrentActivation { get; }
    /// <summary>Whether the forget gate's bias starts at 1.</summary>
    public bool UnitForgetBias { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> StateSize => [Units, Units];

    /// <summary>One mask per gate with recurrent dropout (Keras switches to implementation 1 then).</summary>
    protected override int DropoutMaskCount => RecurrentDropout > 0 ? 4 : 1;

    /// <inheritdoc />
    public override void Build(Shape inputShape) =>
        BuildWeights(inputShape, Shape.Of(4L * Units), UnitForgetBias ? new ForgetGateOnes(BiasInitializer, Units) : BiasInitializer);

    /// <inheritdoc />
    public override (Tensor Output, IReadOnlyList<Tensor> States) Call(Tensor inputs, IReadOnlyList<Tensor> states, bool training)
    {
        Tensor hPrevious = states[0], cPrevious = states[1];
        var z = RecurrentDropout > 0 ? PerGateProjection(inputs, hPrevious, training) : Projection(inputs, hPrevious, training);
        var gates = z.chunk(4, 1);
        var c = RecurrentActivation.Call(gates[1]).mul(cPrevious).add_(RecurrentActivation.Call(gates[0]).mul(Activation.Call(gates[2])));
        var h = RecurrentActivation.Call(gates[3]).mul(Activation.Call(c));
        return (h, [h, c]);
    }

    /// <summary><c>x·kernel + h·recurrent_kernel + bias</c>, with one input dropout mask (Keras's implementation 2).</summary>
    private Tensor Projection(Tensor inputs, Tensor h, bool training)
    {
        if (DropoutMask(inputs, training) is { } mask) inputs = inputs.mul(mask);
        var z = Affine(inputs, Kernel.Value, Bias?.Value);
        return z.addmm_(h, RecurrentKernel.Value);
    }

    /// <summary>The same with one input mask and one recurrent mask per gate (Keras's implementation 1).</summary>
    private Tensor PerGateProjection(Tensor inputs, Tensor h, bool training)
    {
        var kernels = Kernel.Value.chunk(4, 1);
        var recurrentKernels = RecurrentKernel.Value.chunk(4, 1);
        var biases = Bias?.Value.chunk(4);
        var gates = new Tensor[4];
        for (int g = 0; g < 4; g++)
        {
            var x = DropoutMask(inputs, training, g) is { } mask ? inputs.mul(mask) : inputs;
            var hg = RecurrentDropoutMask(h, training, g) is { } recurrentMask ? h.mul(recurrentMask) : h;
            var z = Affine(x, kernels[g], biases?[g]);
            gates[g] = z.addmm_(hg, recurrentKernels[g]);
        }
        return cat(gates, 1);
    }

    /// <inheritdoc />
    internal override FusedCell? FusedForm() =>
        ReferenceEquals(Activation, Activations.Activations.Tanh) && ReferenceEquals(RecurrentActivation, Activations.Activations.Sigmoid)
        && RecurrentDropout == 0 && Bias is { } b
            ? new FusedCell(FusedRnnKind.Lstm, [Kernel.Value.t(), RecurrentKernel.Value.t(), b.Value, zeros_like(b.Value)]) // torch's gates i, f, g, o are Keras's
            : null;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["recurrent_activation"] = RecurrentActivation.ToConfig();
        c["unit_forget_bias"] = UnitForgetBias;
        return c;
    }

    /// <summary>Keras's <c>unit_forget_bias</c>: the bias initializer's values with the forget-gate block set to 1.</summary>
    private sealed class ForgetGateOnes(Initializer inner, int units) : Initializer
    {
        public override string ClassName => inner.ClassName;

        public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32)
        {
            using var scope = NewDisposeScope();
            var ones = new Ones().Call([units], dtype);
            return cat([inner.Call([units], dtype), ones, inner.Call([2L * units], dtype)]).MoveToOuterDisposeScope();
        }
    }
}
