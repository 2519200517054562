using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// RMSprop with Keras's update: <c>v = ρv + (1 − ρ)g²</c>, increment <c>lr·g / √(v + ε)</c> (ε inside
/// the root; centered: <c>√(v − ḡ² + ε)</c> with <c>ḡ = ρḡ + (1 − ρ)g</c>); with momentum
/// <c>m = μm + increment; w −= m</c>, otherwise <c>w −= increment</c>.
/// </summary>
public sealed class RMSprop : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private readonly List<KerasVariable> _velocities = [];
    private readonly List<KerasVariable> _momentums = [];
    private readonly List<KerasVariable> _averageGradients = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="rho">Discount of the running mean of g² (Keras default 0.9).</param>
    /// <param name="momentum">Momentum μ in [0, 1].</param>
    /// <param name="epsilon">Added to v inside the square root (Keras default 1e-7).</param>
    /// <param name="centered">Whether to normalise by the estimated variance instead of the second moment.</param>
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
    public RMSprop(double learningRate = DefaultLearningRate, double rho = 0.9, double momentum = 0.0,
        double epsilon = 1e-7, bool centered = false,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "rmsprop")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(rho >= 0 && rho <= 1, nameof(rho), rho, "in [0, 1]");
        Check(momentum >= 0 && momentum <= 1, nameof(momentum), momentum, "in [0, 1]");
        Check(epsilon >= 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon, "a finite number >= 0");
        Rho = rho;
        Momentum = momentum;
        Epsilon = epsilon;
        Centered = centered;
    }

    /// <summary>Discount of the running mean of g².</summary>
    public double Rho { get; }

    /// <summary>Momentum μ (0: none).</summary>
    public double Momentum { get; }

    /// <summary>Added to v inside the square root.</summary>
    public double Epsilon { get; }

    /// <summary>Whether gradients are normalised by the estimated variance.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    public override string ClassName => "RMSprop";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables) _velocities.Add(AddSlot(v, "velocity"));
        if (Momentum > 0) foreach (var v in variables) _momentums.Add(AddSlot(v, "momentum"));
        if (Centered) foreach (var v in variables) _averageGradients.Add(AddSlot(v, "average_gradient"));
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        int i = IndexOf(variable);
        var velocity = _velocities[i].Value;
        velocity.mul_(Coef(Rho)).addcmul_(gradient, gradient, Coef(1 - Rho));
        Tensor denominator;
        if (Centered)
        {
            var average = _averageGradients[i].Value;
            average.mul_(Coef(Rho)).add_(gradient, alpha: Coef(1 - Rho));
            denominator = velocity.addcmul(average, average, Coef(-1.0)).add_(Coef(Epsilon));
        }
        else
        {
            denominator = velocity.add(Coef(Epsilon));
        }
        using (denominator.sqrt_())
        {
            if (Momentum > 0)
            {
                var momentum = _momentums[i].Value;
                momentum.mul_(Coef(Momentum)).addcdiv_(gradient, denominator, Coef(learningRate));
                variable.Value.sub_(momentum);
            }
            else
            {
                variable.Value.addcdiv_(gradient, denominator, Coef(-learningRate));
            }
        }
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rho"] = Rho;
        c["momentum"] = Momentum;
        c["epsilon"] = Epsilon;
        c["centered"] = Centered;
        return c;
    }
}
