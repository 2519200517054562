using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Nadam (Adam with Nesterov momentum) with Keras's momentum-cache schedule:
/// <c>uₜ = β1(1 − ½·0.96ᵗ)</c>, <c>Πₜ = u₁⋯uₜ</c>,
/// <c>m̂ = uₜ₊₁·m/(1 − Πₜ·uₜ₊₁) + (1 − uₜ)·g/(1 − Πₜ)</c>, <c>v̂ = v/(1 − β2ᵗ)</c>,
/// <c>w −= lr·m̂/(√v̂ + ε)</c>.
/// </summary>
public sealed class Nadam : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private const double MomentumCacheDecay = 0.96;
    private readonly List<KerasVariable> _momentums = [];
    private readonly List<KerasVariable> _velocities = [];
    private KerasVariable? _uProduct;
    private long _uProductStep;
    private double _uProductValue = 1;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="beta1">Decay rate of the first-moment estimate.</param>
    /// <param name="beta2">Decay rate of the second-moment estimate.</param>
    /// <param name="epsilon">Added to √v̂ (Keras default 1e-7).</param>
    /// <param name="weightDecay">Decoupled weight decay, <c>w −= w·wd·lr</c> before each step.</param>
    /// <param name="clipnorm">Clip each gradient tensor to this L2 norm.</param>
    /// <param name="clipvalue">Clip each gradient element to ±this value.</param>
    /// <param name="globalClipnorm">Clip all gradients together to this global L2 norm.</param>
    /// <param name="useEma">Keep an exponential moving average of the weights.</param>
    /// <param name="emaMomentum">Momentum of the weight average.</param>
    /// <param name="emaOverwriteFrequency">Overwrite the weights with their average every this many steps.</param>
    /// <param name="lossScaleFactor">Divide gradients by this before the update.</param>
    /// <param name="gradientAccumulationSteps">Apply the mean gradient once every this many calls.</param>
    /// <param name="schedule">A learning-rate schedule used instead of <paramref name="learningRate"/>.</param>
    /// <param name="name">The optimizer's name.</param>
    public Nadam(double learningRate = DefaultLearningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "nadam")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(beta1 >= 0 && beta1 < 1, nameof(beta1), beta1, "in [0, 1)");
        Check(beta2 >= 0 && beta2 < 1, nameof(beta2), beta2, "in [0, 1)");
        Check(epsilon >= 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon, "a finite number >= 0");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Decay rate of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Added to √v̂.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string ClassName => "Nadam";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables)
        {
            _momentums.Add(AddSlot(v, "momentum"));
            _velocities.Add(AddSlot(v, "velocity"));
        }
        // Keras keeps the momentum-cache product Πₜ as an optimizer variable after the slots.
        _uProduct ??= AddVariable("u_product", ones([], dtype: variables[0].DType, device: variables[0].Value.device));
    }

    /// <summary>Advances Πₜ once per update (Keras <c>_backend_update_step</c>), then updates each variable.</summary>
    protected override void UpdateSteps(ReadOnlySpan<Tensor?> gradients, IReadOnlyList<KerasVariable> variables, double learningRate)
    {
        _uProduct!.Value.fill_(Coef(UProduct(Iterations + 1)));
        base.UpdateSteps(gradients, variables, learningRate);
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        int i = IndexOf(variable);
        var m = _momentums[i].Value;
        var v = _velocities[i].Value;
        long t = Iterations + 1;
        double uT = MomentumCache(t), uNext = MomentumCache(t + 1);
        double productT = UProduct(t), productNext = productT * uNext;

        m.mul_(Coef(Beta1)).add_(gradient, alpha: Coef(1 - Beta1));
        v.mul_(Coef(Beta2)).addcmul_(gradient, gradient, Coef(1 - Beta2));
        using var denominator = v.div(Coef(1 - Math.Pow(Beta2, t))).sqrt_().add_(Coef(Epsilon));
        var w = variable.Value;
        w.addcdiv_(m, denominator, Coef(-learningRate * uNext / (1 - productNext)));
        w.addcdiv_(gradient, denominator, Coef(-learningRate * (1 - uT) / (1 - productT)));
    }

    private double MomentumCache(long t) => Beta1 * (1 - 0.5 * Math.Pow(MomentumCacheDecay, t));

    /// <summary>Πₜ = u₁⋯uₜ, advanced incrementally and recomputed when <see cref="Optimizer.Iterations"/> jumps.</summary>
    private double UProduct(long t)
    {
        if (t < _uProductStep) (_uProductStep, _uProductValue) = (0, 1);
        while (_uProductStep < t) _uProductValue *= MomentumCache(++_uProductStep);
        return _uProductValue;
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["beta_1"] = Beta1;
        c["beta_2"] = Beta2;
        c["epsilon"] = Epsilon;
        return c;
    }
}
