using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Adamax (Adam with the infinity norm) with Keras's update: <c>m += (g − m)(1 − β1)</c>,
/// <c>u = max(β2·u, |g|)</c>, <c>w −= lr·m / ((1 − β1ᵗ)(u + ε))</c>.
/// </summary>
public sealed class Adamax : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private readonly List<KerasVariable> _momentums = [];
    private readonly List<KerasVariable> _norms = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="beta1">Decay rate of the first-moment estimate.</param>
    /// <param name="beta2">Decay rate of the weighted infinity norm.</param>
    /// <param name="epsilon">Added to the norm (Keras default 1e-7).</param>
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
    public Adamax(double learningRate = DefaultLearningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "adamax")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(beta1 >= 0 && beta1 < 1, nameof(beta1), beta1, "in [0, 1)");
        Check(beta2 >= 0 && beta2 <= 1, nameof(beta2), beta2, "in [0, 1]");
        Check(epsilon >= 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon, "a finite number >= 0");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Decay rate of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate of the weighted infinity norm.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the norm.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string ClassName => "Adamax";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables)
        {
            _momentums.Add(AddSlot(v, "momentum"));
            _norms.Add(AddSlot(v, "norm"));
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        int i = IndexOf(variable);
        var m = _momentums[i].Value;
        var u = _norms[i].Value;
        long t = Iterations + 1;
        m.mul_(Coef(Beta1)).add_(gradient, alpha: Coef(1 - Beta1));
        u.mul_(Coef(Beta2));
        using (var magnitude = gradient.abs()) u.clamp_(magnitude, null!); // in-place maximum(β2·u, |g|)
        using var denominator = u.add(Coef(Epsilon));
        variable.Value.addcdiv_(m, denominator, Coef(-learningRate / (1 - Math.Pow(Beta1, t))));
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
