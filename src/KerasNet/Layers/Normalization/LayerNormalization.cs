using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Layer normalization (Keras <c>LayerNormalization</c>): each sample is normalized with the biased mean and
/// variance over <see cref="Axis"/>, then scaled by γ and shifted by β (shaped like those axes):
/// <c>γ·(x − mean)/√(var + ε) + β</c>.
/// </summary>
public sealed class LayerNormalization : Layer
{
    private long[] _axes = [];
    private long[] _broadcastShape = [];
    private long[]? _trailingShape;

    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="axis">The axis or axes normalized over (Keras default -1).</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="center">Whether β is added.</param>
    /// <param name="scale">Whether the output is multiplied by γ.</param>
    /// <param name="rmsScaling">Keras's deprecated mode: <c>x·γ/√(var + ε)</c> without centering (it divides by the variance, not the RMS, exactly as Keras).</param>
    /// <param name="betaInitializer">β initializer (zeros).</param>
    /// <param name="gammaInitializer">γ initializer (ones).</param>
    /// <param name="betaRegularizer">β penalty.</param>
    /// <param name="gammaRegularizer">γ penalty.</param>
    /// <param name="betaConstraint">β projection.</param>
    /// <param name="gammaConstraint">γ projection.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether γ and β are trained.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public LayerNormalization(IntTuple? axis = null, double epsilon = 1e-3, bool center = true, bool scale = true, bool rmsScaling = false,
        Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Axis = axis is null ? [-1] : [.. axis];
        if (Axis.Count == 0 || Axis.Distinct().Count() != Axis.Count)
            throw new KerasNetException($"LayerNormalization '{Name}': axis must be one or more distinct integers, got ({string.Join(", ", Axis)}).");
        if (!(epsilon > 0)) throw new KerasNetException($"LayerNormalization '{Name}': epsilon must be positive, got {epsilon}.");
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        RmsScaling = rmsScaling;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
    }

    /// <summary>The normalized axes, as given.</summary>
    public IReadOnlyList<int> Axis { get; }
    /// <summary>Added to the variance.</summary>
    public double Epsilon { get; }
    /// <summary>Whether β is added.</summary>
    public bool Center { get; }
    /// <summary>Whether the output is multiplied by γ.</summary>
    public bool Scale { get; }
    /// <summary>Keras's deprecated variance-only scaling mode.</summary>
    public bool RmsScaling { get; }
    /// <summary>β initializer.</summary>
    public Initializer BetaInitializer { get; }
    /// <summary>γ initializer.</summary>
    public Initializer GammaInitializer { get; }
    /// <summary>β penalty.</summary>
    public Regularizer? BetaRegularizer { get; }
    /// <summary>γ penalty.</summary>
    public Regularizer? GammaRegularizer { get; }
    /// <summary>β projection.</summary>
    public Constraint? BetaConstraint { get; }
    /// <summary>γ projection.</summary>
    public Constraint? GammaConstraint { get; }

    /// <summary>γ, shaped like the normalized axes (in the order given), when <see cref="Scale"/> or <see cref="RmsScaling"/>.</summary>
    public KerasVariable? Gamma { get; private set; }
    /// <summary>β, when <see cref="Center"/> and not <see cref="RmsScaling"/>.</summary>
    public KerasVariable? Beta { get; private set; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        int rank = inputShape.Rank;
        var axes = Axis.Select(a => a < 0 ? a + rank : a).ToArray();
        if (axes.Any(a => a < 0 || a >= rank))
            throw new KerasNetException($"LayerNormalization '{Name}': axis ({string.Join(", ", Axis)}) is out of range for input shape {inputShape}.");
        var sizes = axes.Select(a => inputShape[a] ?? throw new KerasNetException(
            $"LayerNormalization '{Name}': axis {a} of input shape {inputShape} must be known.")).ToArray();
        var weightShape = Shape.Of(sizes);
        if (Scale || RmsScaling) Gamma = AddWeight("gamma", weightShape, GammaInitializer, regularizer: GammaRegularizer, constraint: GammaConstraint);
        if (Center && !RmsScaling) Beta = AddWeight("beta", weightShape, BetaInitializer, regularizer: BetaRegularizer, constraint: BetaConstraint);
        _axes = axes.Select(a => (long)a).ToArray();
        // Keras reshapes γ and β to the input rank with the normalized sizes in axis order (a plain reshape).
        _broadcastShape = Enumerable.Range(0, rank).Select(i => axes.Contains(i) ? inputShape[i]!.Value : 1L).ToArray();
        // Trailing axes in order map onto torch's fused layer_norm.
        bool trailing = axes.SequenceEqual(Enumerable.Range(rank - axes.Length, axes.Length));
        _trailingShape = trailing && !RmsScaling ? sizes : null;
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (_trailingShape is { } normalized)
            return nn.functional.layer_norm(inputs, normalized, Gamma?.Value, Beta?.Value, Epsilon);
        using var scope = NewDisposeScope();
        var (variance, mean) = var_mean(inputs, _axes, unbiased: false, keepdim: true);
        var inv = NormalizationAffine.InverseStd(variance, Epsilon, Gamma, _broadcastShape);
        if (RmsScaling) return inputs.mul(inv).MoveToOuterDisposeScope();
        return NormalizationAffine.Apply(inputs, mean, inv, Beta, _broadcastShape).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = new JsonArray(Axis.Select(a => (JsonNode)a).ToArray());
        c["epsilon"] = Epsilon;
        c["center"] = Center;
        c["scale"] = Scale;
        c["rms_scaling"] = RmsScaling;
        c["beta_initializer"] = BetaInitializer.ToConfig();
        c["gamma_initializer"] = GammaInitializer.ToConfig();
        c["beta_regularizer"] = BetaRegularizer?.ToConfig();
        c["gamma_regularizer"] = GammaRegularizer?.ToConfig();
        c["beta_constraint"] = BetaConstraint?.ToConfig();
        c["gamma_constraint"] = GammaConstraint?.ToConfig();
        return c;
    }
}
