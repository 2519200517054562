using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// One step of a gated recurrent unit (Keras <c>GRUCell</c>). Kernel <c>(input_dim, 3·units)</c> and recurrent kernel
/// <c>(units, 3·units)</c> hold the gates in Keras's order z, r, h; <c>h = z·h₋₁ + (1 − z)·ĥ</c>. With
/// <see cref="ResetAfter"/> (Keras 3's default) the reset gate multiplies the recurrent projection,
/// <c>ĥ = act(x·K_h + b_h + r·(h₋₁·U_h + b'_h))</c>, and the bias is <c>(2, 3·units)</c> (input row, recurrent row);
/// without it (Keras 2's default) it multiplies h₋₁ first, <c>ĥ = act(x·K_h + b_h + (r·h₋₁)·U_h)</c>, and the bias is
/// <c>(3·units,)</c>.
/// </summary>
public sealed class GRUCell : BaseRNNCell
{
    /// <summary>Creates the cell; arguments as Keras's.</summary>
    /// <param name="units">Size of the output and the state.</param>
    /// <param name="activation">Activation of the candidate (tanh).</param>
    /// <param name="recurrentActivation">Activation of the gates (sigmoid; Keras 2 files often use <c>hard_sigmoid</c>).</param>
    /// <param name="useBias">Whether biases are added.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel (glorot_uniform).</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel (orthogonal).</param>
    /// <param name="biasInitializer">Initializer of the bias (zeros).</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel.</param>
    /// <param name="biasRegularizer">Penalty on the bias.</param>
    /// <param name="kernelConstraint">Projection of the input kernel.</param>
    /// <param name="recurrentConstraint">Projection of the recurrent kernel.</param>
    /// <param name="biasConstraint">Projection of the bias.</param>
    /// <param name="dropout">Fraction of the inputs dropped in training, masks fixed per sequence.</param>
    /// <param name="recurrentDropout">Fraction of h₋₁ dropped in training, masks fixed per sequence (then one mask per gate, as Keras's implementation 1).</param>
    /// <param name="resetAfter">Whether the reset gate applies after the recurrent matmul (true, cuDNN's form) or before (false).</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public GRUCell(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, bool resetAfter = true, int? seed = null, string? name = null, bool trainable = true)
        : base(units, 3, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
            kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint,
            dropout, recurrentDropout, seed, name, trainable)
    {
        RecurrentActivation = recurrentActivation ?? Activations.Activations.Sigmoid;
        ResetAfter = resetAfter;
    }

    /// <summary>Activation of the gates.</summary>
    public ActivationFunction RecurrentActivation { get; }
    /// <summary>Whether the reset gate applies after the recurrent matmul.</summary>
    public bool ResetAfter { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> StateSize => [Units];

    /// <summary>One mask per gate with recurrent dropout (Keras switches to implementation 1 then).</summary>
    protected override int DropoutMaskCount => RecurrentDropout > 0 ? 3 : 1;

    /// <inheritdoc />
    public override void Build(Shape inputShape) =>
        BuildWeights(inputShape, ResetAfter ? Shape.Of(2, 3L * Units) : Shape.Of(3L * Units), BiasInitializer);

    /// <inheritdoc />
    public override (Tensor Output, IReadOnlyList<Tensor> States) Call(Tensor inputs, IReadOnlyList<Tensor> states, bool training)
    {
        var h = states[0];
        Tensor? inputBias = null, recurrentBias = null;
        if (Bias is { } b)
        {
            if (ResetAfter) (inputBias, recurrentBias) = (b.Value[0], b.Value[1]);
            else inputBias = b.Value;
        }
        var kernels = Kernel.Value.chunk(3, 1);
        var recurrentKernels = RecurrentKernel.Value.chunk(3, 1);
        var recurrentBiases = recurrentBias?.chunk(3);
        Tensor Recurrent(Tensor hg, int g)
        {
            var r = hg.matmul(recurrentKernels[g]);
            return recurrentBiases is null ? r : r.add_(recurrentBiases[g]);
        }
        Tensor[] x, recurrent; // the z, r and h projections of the inputs, and of h₋₁ (h only with reset_after)
        Tensor hCandidate; // h₋₁ as the candidate sees it
        if (RecurrentDropout > 0)
        {
            // Keras's implementation 1: one input and one recurrent mask per gate.
            var inputBiases = inputBias?.chunk(3);
            x = Enumerable.Range(0, 3).Select(g =>
            {
                var xg = DropoutMask(inputs, training, g) is { } mask ? inputs.mul(mask) : inputs;
                return Affine(xg, kernels[g], inputBiases?[g]);
            }).ToArray();
            var hs = Enumerable.Range(0, 3).Select(g => RecurrentDropoutMask(h, training, g) is { } mask ? h.mul(mask) : h).ToArray();
            recurrent = Enumerable.Range(0, ResetAfter ? 3 : 2).Select(g => Recurrent(hs[g], g)).ToArray();
            hCandidate = hs[2];
        }
        else
        {
            if (DropoutMask(inputs, training) is { } mask) inputs = inputs.mul(mask);
            x = Affine(inputs, Kernel.Value, inputBias).chunk(3, 1);
            recurrent = ResetAfter
                ? Affine(h, RecurrentKernel.Value, recurrentBias).chunk(3, 1)
                : h.matmul(RecurrentKernel.Value.narrow(1, 0, 2L * Units)).chunk(2, 1);
            hCandidate = h;
        }
        var z = RecurrentActivation.Call(x[0].add(recurrent[0]));
        var reset = RecurrentActivation.Call(x[1].add(recurrent[1]));
        var candidateRecurrent = ResetAfter ? reset.mul(recurrent[2]) : reset.mul(hCandidate).matmul(recurrentKernels[2]);
        var candidate = Activation.Call(x[2].add(candidateRecurrent));
        var next = z.mul(h).add_(z.neg().add_(1).mul_(candidate));
        return (next, [next]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only the reset-after form: torch's GRU always resets after the recurrent matmul. Its gates run r, z, n, so the
    /// z and r blocks swap (one small copy per call).
    /// </remarks>
    internal override FusedCell? FusedForm()
    {
        if (!ResetAfter || !ReferenceEquals(Activation, Activations.Activations.Tanh) || !ReferenceEquals(RecurrentActivation, Activations.Activations.Sigmoid)
            || RecurrentDropout > 0 || Bias is not { } b)
            return null;
        static Tensor TorchGates(Tensor t, long dim)
        {
            var g = t.chunk(3, dim);
            return cat([g[1], g[0], g[2]], dim);
        }
        return new FusedCell(FusedRnnKind.Gru,
            [TorchGates(Kernel.Value, 1).t(), TorchGates(RecurrentKernel.Value, 1).t(), TorchGates(b.Value[0], 0), TorchGates(b.Value[1], 0)]);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["recurrent_activation"] = RecurrentActivation.ToConfig();
        c["reset_after"] = ResetAfter;
        return c;
    }
}
