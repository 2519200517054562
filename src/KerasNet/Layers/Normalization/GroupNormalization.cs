using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Group normalization (Keras <c>GroupNormalization</c>): the channels on <see cref="Axis"/> are split into
/// <see cref="Groups"/> groups, and each sample is normalized with the biased mean and variance of each group over
/// all its non-batch positions; then per-channel γ and β are applied.
/// </summary>
public sealed class GroupNormalization : Layer
{
    private int _axis;
    private int _groups;

    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="groups">Number of groups (−1: one per channel); must divide the channel count.</param>
    /// <param name="axis">The channel axis.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="center">Whether β is added.</param>
    /// <param name="scale">Whether the output is multiplied by γ.</param>
    /// <param name="betaInitializer">β initializer (zeros).</param>
    /// <param name="gammaInitializer">γ initializer (ones).</param>
    /// <param name="betaRegularizer">β penalty.</param>
    /// <param name="gammaRegularizer">γ penalty.</param>
    /// <param name="betaConstraint">β projection.</param>
    /// <param name="gammaConstraint">γ projection.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether γ and β are trained.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public GroupNormalization(int groups = 32, int axis = -1, double epsilon = 1e-3, bool center = true, bool scale = true,
        Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (groups == 0 || groups < -1) throw new KerasNetException($"GroupNormalization '{Name}': groups must be positive or -1, got {groups}.");
        if (!(epsilon > 0)) throw new KerasNetException($"GroupNormalization '{Name}': epsilon must be positive, got {epsilon}.");
        Groups = groups;
        Axis = axis;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
    }

    /// <summary>Number of groups (−1: one per channel).</summary>
    public int Groups { get; }
    /// <summary>The channel axis.</summary>
    public int Axis { get; }
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
    /// <summary>β penalty.</summary>
    public Regularizer? BetaRegularizer { get; }
    /// <summary>γ penalty.</summary>
    public Regularizer? GammaRegularizer { get; }
    /// <summary>β projection.</summary>
    public Constraint? BetaConstraint { get; }
    /// <summary>γ projection.</summary>
    public Constraint? GammaConstraint { get; }

    /// <summary>γ, one per channel, when <see cref="Scale"/>.</summary>
    public KerasVariable? Gamma { get; private set; }
    /// <summary>β, one per channel, when <see cref="Center"/>.</summary>
    public KerasVariable? Beta { get; private set; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        int rank = inputShape.Rank;
        _axis = Axis < 0 ? Axis + rank : Axis;
        if (_axis <= 0 || _axis >= rank)
            throw new KerasNetException($"GroupNormalization '{Name}': axis {Axis} is out of range for input shape {inputShape}.");
        long channels = inputShape[_axis] ?? throw new KerasNetException($"GroupNormalization '{Name}': axis {Axis} of input shape {inputShape} must be known.");
        _groups = Groups == -1 ? (int)channels : Groups;
        if (channels < _groups || channels % _groups != 0)
            throw new KerasNetException($"GroupNormalization '{Name}': groups ({_groups}) must divide the number of channels ({channels}) of input shape {inputShape}.");
        if (Scale) Gamma = AddWeight("gamma", Shape.Of(channels), GammaInitializer, regularizer: GammaRegularizer, constraint: GammaConstraint);
        if (Center) Beta = AddWeight("beta", Shape.Of(channels), BetaInitializer, regularizer: BetaRegularizer, constraint: BetaConstraint);
        InputSpec = new InputSpec(Rank: rank, Axes: new Dictionary<int, long> { [_axis] = channels });
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        long channels = inputs.shape[_axis];
        // (…, C, …) → (…, G, C/G, …); statistics over every axis but the batch and the group axis.
        long[] grouped = [.. inputs.shape[.._axis], _groups, channels / _groups, .. inputs.shape[(_axis + 1)..]];
        var x = inputs.reshape(grouped);
        var reduce = Enumerable.Range(1, grouped.Length - 1).Where(i => i != _axis).Select(i => (long)i).ToArray();
        var (variance, mean) = var_mean(x, reduce, unbiased: false, keepdim: true);
        var paramShape = Enumerable.Range(0, grouped.Length).Select(i => i == _axis || i == _axis + 1 ? grouped[i] : 1L).ToArray();
        var inv = NormalizationAffine.InverseStd(variance, Epsilon, Gamma, paramShape);
        return NormalizationAffine.Apply(x, mean, inv, Beta, paramShape).reshape(inputs.shape).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["groups"] = Groups;
        c["axis"] = Axis;
        c["epsilon"] = Epsilon;
        c["center"] = Center;
        c["scale"] = Scale;
        c["beta_initializer"] = BetaInitializer.ToConfig();
        c["gamma_initializer"] = GammaInitializer.ToConfig();
        c["beta_regularizer"] = BetaRegularizer?.ToConfig();
        c["gamma_regularizer"] = GammaRegularizer?.ToConfig();
        c["beta_constraint"] = BetaConstraint?.ToConfig();
        c["gamma_constraint"] = GammaConstraint?.ToConfig();
        return c;
    }
}
