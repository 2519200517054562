using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// <c>activation(inputs · kernel + bias)</c> over the last axis (Keras <c>Dense</c>). The kernel is laid
/// out as Keras lays it out: <c>(input_dim, units)</c>.
/// </summary>
public sealed class Dense : Layer
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    public Dense(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true, Shape? inputShape = null, long? inputDim = null, int? batchSize = null)
        : base(name, trainable, inputShape, inputDim, batchSize)
    {
        if (units <= 0) throw new KerasNetException($"Dense '{Name}': units must be positive, got {units}.");
        if (activityRegularizer is not null) throw new NotSupportedException($"Dense '{Name}': activityRegularizer is not supported; use an ActivityRegularization layer.");
        Units = units;
        Activation = activation ?? Activations.Activations.Linear;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
        InputSpec = new InputSpec(MinRank: 2);
    }

    /// <summary>Output size.</summary>
    public int Units { get; }
    /// <summary>Activation applied to the output.</summary>
    public ActivationFunction Activation { get; }
    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }
    /// <summary>Kernel initializer (glorot_uniform).</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Bias initializer (zeros).</summary>
    public Initializer BiasInitializer { get; }
    /// <summary>Kernel penalty.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Bias penalty.</summary>
    public Regularizer? BiasRegularizer { get; }
    /// <summary>Kernel projection.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>Bias projection.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The kernel, <c>(input_dim, units)</c>.</summary>
    public KerasVariable Kernel { get; private set; } = null!;
    /// <summary>The bias, <c>(units,)</c>, when <see cref="UseBias"/>.</summary>
    public KerasVariable? Bias { get; private set; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        long inputDim = inputShape[-1] ?? throw new KerasNetException($"Dense '{Name}': the last axis of the input shape {inputShape} must be known.");
        Kernel = AddWeight("kernel", Shape.Of(inputDim, Units), KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
        if (UseBias) Bias = AddWeight("bias", Shape.Of(Units), BiasInitializer, regularizer: BiasRegularizer, constraint: BiasConstraint);
        InputSpec = new InputSpec(MinRank: 2, Axes: new Dictionary<int, long> { [-1] = inputDim });
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var y = Bias is { } b
            ? inputs.dim() == 2 ? addmm(b.Value, inputs, Kernel.Value, 1, 1) : matmul(inputs, Kernel.Value).add_(b.Value)
            : matmul(inputs, Kernel.Value);
        return Activation.Call(y);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        [new Shape([.. inputShapes[0].Take(inputShapes[0].Rank - 1), Units])];

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["units"] = Units;
        c["activation"] = Activation.ToConfig();
        c["use_bias"] = UseBias;
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["bias_initializer"] = BiasInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["bias_regularizer"] = BiasRegularizer?.ToConfig();
        c["activity_regularizer"] = null;
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        c["bias_constraint"] = BiasConstraint?.ToConfig();
        return c;
    }
}
