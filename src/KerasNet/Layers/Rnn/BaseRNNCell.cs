using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// What the built-in cells (<see cref="SimpleRNNCell"/>, <see cref="LSTMCell"/>, <see cref="GRUCell"/>) share: a kernel
/// <c>(input_dim, gates·units)</c>, a recurrent kernel <c>(units, gates·units)</c> and an optional bias, each with its
/// initializer, regularizer and constraint; the units; the activation; Keras's dropout.
/// </summary>
public abstract class BaseRNNCell : DropoutRNNCell
{
    private readonly int _gates;

    /// <summary>Validates and stores the shared arguments.</summary>
    protected BaseRNNCell(int units, int gates, ActivationFunction? activation, bool useBias,
        Initializer? kernelInitializer, Initializer? recurrentInitializer, Initializer? biasInitializer,
        Regularizer? kernelRegularizer, Regularizer? recurrentRegularizer, Regularizer? biasRegularizer,
        Constraint? kernelConstraint, Constraint? recurrentConstraint, Constraint? biasConstraint,
        double dropout, double recurrentDropout, int? seed, string? name, bool trainable)
        : base(dropout, recurrentDropout, seed, name, trainable)
    {
        if (units <= 0) throw new KerasNetException($"{Describe()}: units must be positive, got {units}.");
        Units = units;
        _gates = gates;
        Activation = activation ?? Activations.Activations.Tanh;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        RecurrentInitializer = recurrentInitializer ?? new Orthogonal();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        RecurrentRegularizer = recurrentRegularizer;
        BiasRegularizer = biasRegularizer;
        KernelConstraint = kernelConstraint;
        RecurrentConstraint = recurrentConstraint;
        BiasConstraint = biasConstraint;
    }

    /// <summary>Size of the output and of each state.</summary>
    public int Units { get; }
    /// <summary>Activation of the new state (the candidate, for gated cells).</summary>
    public ActivationFunction Activation { get; }
    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }
    /// <summary>Initializer of the input kernel (glorot_uniform).</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Initializer of the recurrent kernel (orthogonal).</summary>
    public Initializer RecurrentInitializer { get; }
    /// <summary>Initializer of the bias (zeros).</summary>
    public Initializer BiasInitializer { get; }
    /// <summary>Penalty on the input kernel.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Penalty on the recurrent kernel.</summary>
    public Regularizer? RecurrentRegularizer { get; }
    /// <summary>Penalty on the bias.</summary>
    public Regularizer? BiasRegularizer { get; }
    /// <summary>Projection of the input kernel.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>Projection of the recurrent kernel.</summary>
    public Constraint? RecurrentConstraint { get; }
    /// <summary>Projection of the bias.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The input kernel, <c>(input_dim, gates·units)</c>.</summary>
    public KerasVariable Kernel { get; private set; } = null!;
    /// <summary>The recurrent kernel, <c>(units, gates·units)</c>.</summary>
    public KerasVariable RecurrentKernel { get; private set; } = null!;
    /// <summary>The bias, when <see cref="UseBias"/>.</summary>
    public KerasVariable? Bias { get; private set; }

    /// <summary>Creates the weights for steps of <paramref name="inputShape"/> <c>(batch, input_dim)</c>.</summary>
    /// <param name="inputShape">Shape of one step's inputs.</param>
    /// <param name="biasShape">The bias's shape.</param>
    /// <param name="biasInitializer">What fills the bias (LSTM's <c>unit_forget_bias</c> wraps <see cref="BiasInitializer"/>).</param>
    protected void BuildWeights(Shape inputShape, Shape biasShape, Initializer biasInitializer)
    {
        long inputDim = inputShape[-1] ?? throw new KerasNetException($"{Describe()}: the last axis of the step input shape {inputShape} must be known.");
        long width = (long)_gates * Units;
        Kernel = AddWeight("kernel", Shape.Of(inputDim, width), KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
        RecurrentKernel = AddWeight("recurrent_kernel", Shape.Of(Units, width), RecurrentInitializer, regularizer: RecurrentRegularizer, constraint: RecurrentConstraint);
        if (UseBias) Bias = AddWeight("bias", biasShape, biasInitializer, regularizer: BiasRegularizer, constraint: BiasConstraint);
    }

    /// <summary><c>inputs·kernel + bias</c> (the bias row <paramref name="bias"/>, if any).</summary>
    private protected static Tensor Affine(Tensor inputs, Tensor kernel, Tensor? bias) =>
        bias is null ? inputs.matmul(kernel) : addmm(bias, inputs, kernel, 1, 1);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["units"] = Units;
        c["activation"] = Activation.ToConfig();
        c["use_bias"] = UseBias;
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["recurrent_initializer"] = RecurrentInitializer.ToConfig();
        c["bias_initializer"] = BiasInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["recurrent_regularizer"] = RecurrentRegularizer?.ToConfig();
        c["bias_regularizer"] = BiasRegularizer?.ToConfig();
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        c["recurrent_constraint"] = RecurrentConstraint?.ToConfig();
        c["bias_constraint"] = BiasConstraint?.ToConfig();
        c["dropout"] = Dropout;
        c["recurrent_dropout"] = RecurrentDropout;
        c["seed"] = Seed;
        return c;
    }
}
