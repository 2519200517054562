using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Batch normalization (Keras <c>BatchNormalization</c>). In training (and only while the layer is trainable, as in
/// Keras 3) it normalizes with the biased mean and variance of the batch over every axis but <see cref="Axis"/>, and
/// updates <c>moving = moving·momentum + batch·(1 − momentum)</c> with the same biased variance; otherwise it uses the
/// moving statistics. Output: <c>γ·(x − mean)/√(var + ε) + β</c>. A mask (one dimension less than the input) restricts
/// the batch statistics to the unmasked positions.
/// </summary>
public sealed class BatchNormalization : Layer
{
    private long[] _reductionAxes = [];
    private long[] _paramShape = [];

    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="axis">The feature axis (or axes: a list gives Keras 2's per-position statistics over several axes).</param>
    /// <param name="momentum">Weight of the old value in the moving averages.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="center">Whether β is added.</param>
    /// <param name="scale">Whether the output is multiplied by γ.</param>
    /// <param name="betaInitializer">β initializer (zeros).</param>
    /// <param name="gammaInitializer">γ initializer (ones).</param>
    /// <param name="movingMeanInitializer">Moving mean initializer (zeros).</param>
    /// <param name="movingVarianceInitializer">Moving variance initializer (ones).</param>
    /// <param name="betaRegularizer">β penalty.</param>
    /// <param name="gammaRegularizer">γ penalty.</param>
    /// <param name="betaConstraint">β projection.</param>
    /// <param name="gammaConstraint">γ projection.</param>
    /// <param name="synchronized">Cross-device statistics; only <c>false</c> is supported.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">False freezes γ, β and the moving statistics and makes the layer run in inference mode.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public BatchNormalization(IntTuple? axis = null, double momentum = 0.99, double epsilon = 1e-3, bool center = true, bool scale = true,
        Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Initializer? movingMeanInitializer = null, Initializer? movingVarianceInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null, bool synchronized = false,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (synchronized) throw new NotSupportedException($"BatchNormalization '{Name}': synchronized=true (cross-device statistics) is not supported.");
        Axis = axis is null ? [-1] : [.. axis];
        if (Axis.Count == 0 || Axis.Distinct().Count() != Axis.Count)
            throw new KerasNetException($"BatchNormalization '{Name}': axis must be one or more distinct integers, got ({string.Join(", ", Axis)}).");
        if (!(epsilon > 0)) throw new KerasNetException($"BatchNormalization '{Name}': epsilon must be positive, got {epsilon}.");
        if (!(momentum >= 0 && momentum <= 1)) throw new KerasNetException($"BatchNormalization '{Name}': momentum must be in [0, 1], got {momentum}.");
        Momentum = momentum;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        MovingMeanInitializer = movingMeanInitializer ?? new Zeros();
        MovingVarianceInitializer = movingVarianceInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
    }

    /// <summary>The normalized axis or axes, as given.</summary>
    public IReadOnlyList<int> Axis { get; }
    /// <summary>Weight of the old value in the moving averages.</summary>
    public double Momentum { get; }
    /// <summary>Added to the variance.</summary>
    public double Epsilon { get; }
    /// <summary>Whether β is added.</summary>
    public bool Center { get; }
    /// <summary>Whether the output is multiplied by γ.</summary>
    public bool Scale { get; }
    /// <summary>β initializer.</summary>
    public Initializer BetaInitializer { get; }
    /// <summary>γ initializer.</summary>
    public Initializer GammaInitializer { get; }
    /// <summary>Moving mean initializer.</summary>
    public Initializer MovingMeanInitializer { get; }
    /// <summary>Moving variance initializer.</summary>
    public Initializer MovingVarianceInitializer { get; }
    /// <summary>β penalty.</summary>
    public Regularizer? BetaRegularizer { get; }
    /// <summary>γ penalty.</summary>
    public Regularizer? GammaRegularizer { get; }
    /// <summary>β projection.</summary>
    public Constraint? BetaConstraint { get; }
    /// <summary>γ projection.</summary>
    public Constraint? GammaConstraint { get; }

    /// <summary>γ, when <see cref="Scale"/>.</summary>
    public KerasVariable? Gamma { get; private set; }
    /// <summary>β, when <see cref="Center"/>.</summary>
    public KerasVariable? Beta { get; private set; }
    /// <summary>The moving mean (not trainable).</summary>
    public KerasVariable MovingMean { get; private set; } = null!;
    /// <summary>The moving variance (not trainable).</summary>
    public KerasVariable MovingVariance { get; private set; } = null!;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        int rank = inputShape.Rank;
        var axes = Axis.Select(a => a < 0 ? a + rank : a).ToArray();
        if (axes.Any(a => a <= 0 || a >= rank))
            throw new KerasNetException($"BatchNormalization '{Name}': axis ({string.Join(", ", Axis)}) is out of range for input shape {inputShape} (the batch axis 0 cannot be normalized).");
        var sizes = new Dictionary<int, long>();
        foreach (var a in axes)
            sizes[a] = inputShape[a] ?? throw new KerasNetException($"BatchNormalization '{Name}': axis {a} of input shape {inputShape} must be known.");
        // One axis: weights of shape (C,). Several axes (Keras 2): weights shaped like the input with 1 elsewhere.
        var weightShape = axes.Length == 1 ? Shape.Of(sizes[axes[0]]) : Shape.Of(Enumerable.Range(0, rank).Select(i => sizes.GetValueOrDefault(i, 1)).ToArray());
        if (Scale) Gamma = AddWeight("gamma", weightShape, GammaInitializer, regularizer: GammaRegularizer, constraint: GammaConstraint);
        if (Center) Beta = AddWeight("beta", weightShape, BetaInitializer, regularizer: BetaRegularizer, constraint: BetaConstraint);
        MovingMean = AddWeight("moving_mean", weightShape, MovingMeanInitializer, trainable: false);
        MovingVariance = AddWeight("moving_variance", weightShape, MovingVarianceInitializer, trainable: false);
        _reductionAxes = Enumerable.Range(0, rank).Where(i => !sizes.ContainsKey(i)).Select(i => (long)i).ToArray();
        _paramShape = Enumerable.Range(0, rank).Select(i => sizes.GetValueOrDefault(i, 1)).ToArray();
        InputSpec = new InputSpec(Rank: rank, Axes: sizes);
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 1) throw new KerasNetException($"BatchNormalization '{Name}' takes one input, got {inputs.Count}.");
        var x = inputs[0];
        using var scope = NewDisposeScope();
        Tensor mean, variance;
        if (context.Training && Trainable)
        {
            (mean, variance) = context.Mask(0) is { } mask ? MaskedMoments(x, mask) : BatchMoments(x);
            using (no_grad())
            {
                MovingMean.Value.mul_(Momentum).add_(mean.detach().reshape(MovingMean.Value.shape), alpha: 1 - Momentum);
                MovingVariance.Value.mul_(Momentum).add_(variance.detach().reshape(MovingVariance.Value.shape), alpha: 1 - Momentum);
            }
        }
        else
        {
            mean = MovingMean.Value.reshape(_paramShape);
            variance = MovingVariance.Value.reshape(_paramShape);
        }
        var inv = NormalizationAffine.InverseStd(variance, Epsilon, Gamma, _paramShape);
        return [NormalizationAffine.Apply(x, mean, inv, Beta, _paramShape).MoveToOuterDisposeScope()];
    }

    private (Tensor Mean, Tensor Variance) BatchMoments(Tensor x)
    {
        var (variance, mean) = var_mean(x, _reductionAxes, unbiased: false, keepdim: true);
        return (mean, variance);
    }

    // Keras 3's masked moments: the mask (input rank − 1) weights each position, broadcast over the last axis.
    private (Tensor Mean, Tensor Variance) MaskedMoments(Tensor x, Tensor mask)
    {
        if (mask.dim() != x.dim() - 1)
            throw new KerasNetException($"BatchNormalization '{Name}': the mask must have one dimension less than the input; got mask {Shape.Of(mask.shape)} for input {Shape.Of(x.shape)}.");
        const double fuzz = 1e-7; // keras.config.epsilon()
        var w = mask.to(x.dtype).unsqueeze(-1);
        var weighted = x.mul(w);
        var total = w.expand_as(x).sum(_reductionAxes, keepdim: true).add(fuzz);
        var mean = weighted.sum(_reductionAxes, keepdim: true).div(total);
        var diff = weighted.sub(mean);
        var variance = diff.mul(diff).mul(w).sum(_reductionAxes, keepdim: true).div(total);
        return (mean, variance);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis.Count == 1 ? Axis[0] : new JsonArray(Axis.Select(a => (JsonNode)a).ToArray());
        c["momentum"] = Momentum;
        c["epsilon"] = Epsilon;
        c["center"] = Center;
        c["scale"] = Scale;
        c["beta_initializer"] = BetaInitializer.ToConfig();
        c["gamma_initializer"] = GammaInitializer.ToConfig();
        c["moving_mean_initializer"] = MovingMeanInitializer.ToConfig();
        c["moving_variance_initializer"] = MovingVarianceInitializer.ToConfig();
        c["beta_regularizer"] = BetaRegularizer?.ToConfig();
        c["gamma_regularizer"] = GammaRegularizer?.ToConfig();
        c["beta_constraint"] = BetaConstraint?.ToConfig();
        c["gamma_constraint"] = GammaConstraint?.ToConfig();
        c["synchronized"] = false;
        return c;
    }
}
