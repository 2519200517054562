using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Parametric ReLU (Keras <c>PReLU</c>): <c>f(x) = x</c> for <c>x ≥ 0</c>, <c>alpha·x</c> otherwise, with a learned
/// <c>alpha</c> per input position (shared along <see cref="SharedAxes"/>).
/// </summary>
public sealed class PReLU : Layer
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="alphaInitializer">Initializer of alpha (zeros).</param>
    /// <param name="alphaRegularizer">Alpha penalty.</param>
    /// <param name="alphaConstraint">Alpha projection.</param>
    /// <param name="sharedAxes">Non-batch axes (1-based as in Keras, i.e. input axes) along which alpha is shared.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether alpha is trained.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public PReLU(Initializer? alphaInitializer = null, Regularizer? alphaRegularizer = null, Constraint? alphaConstraint = null,
        IntTuple? sharedAxes = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        AlphaInitializer = alphaInitializer ?? new Zeros();
        AlphaRegularizer = alphaRegularizer;
        AlphaConstraint = alphaConstraint;
        SharedAxes = sharedAxes is null ? null : [.. sharedAxes];
    }

    /// <summary>Initializer of alpha.</summary>
    public Initializer AlphaInitializer { get; }
    /// <summary>Alpha penalty.</summary>
    public Regularizer? AlphaRegularizer { get; }
    /// <summary>Alpha projection.</summary>
    public Constraint? AlphaConstraint { get; }
    /// <summary>Axes along which alpha is shared, or null.</summary>
    public IReadOnlyList<int>? SharedAxes { get; }

    /// <summary>The slopes, shaped like one sample with size 1 on the shared axes.</summary>
    public KerasVariable Alpha { get; private set; } = null!;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        var shared = SharedAxes ?? [];
        if (shared.Any(a => a < 1 || a >= inputShape.Rank))
            throw new KerasNetException($"PReLU '{Name}': sharedAxes ({string.Join(", ", shared)}) must be non-batch axes of input shape {inputShape}.");
        var dims = Enumerable.Range(1, inputShape.Rank - 1).Select(i => shared.Contains(i) ? 1L
            : inputShape[i] ?? throw new KerasNetException($"PReLU '{Name}': axis {i} of input shape {inputShape} must be known (or shared).")).ToArray();
        Alpha = AddWeight("alpha", Shape.Of(dims), AlphaInitializer, regularizer: AlphaRegularizer, constraint: AlphaConstraint);
        var axes = Enumerable.Range(1, inputShape.Rank - 1).Where(i => !shared.Contains(i)).ToDictionary(i => i, i => dims[i - 1]);
        InputSpec = new InputSpec(Rank: inputShape.Rank, Axes: axes);
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        // relu(x) − alpha·relu(−x), as Keras computes it.
        var y = nn.functional.relu(inputs).sub(Alpha.Value.mul(nn.functional.relu(inputs.neg())));
        return y.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["alpha_initializer"] = AlphaInitializer.ToConfig();
        c["alpha_regularizer"] = AlphaRegularizer?.ToConfig();
        c["alpha_constraint"] = AlphaConstraint?.ToConfig();
        c["shared_axes"] = SharedAxes is null ? null : new JsonArray(SharedAxes.Select(a => (JsonNode)a).ToArray());
        return c;
    }
}
