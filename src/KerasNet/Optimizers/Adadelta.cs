using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Adadelta with Keras's update: <c>A = ρA + (1 − ρ)g²</c>, <c>Δ = −√(D + ε)·g / √(A + ε)</c>,
/// <c>D = ρD + (1 − ρ)Δ²</c>, <c>w += lr·Δ</c> (Keras defaults lr 0.001, ρ 0.95).
/// </summary>
public sealed class Adadelta : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private readonly List<KerasVariable> _accumulatedGrads = [];
    private readonly List<KerasVariable> _accumulatedDeltaVars = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="rho">Decay rate of both running averages (Keras default 0.95).</param>
    /// <param name="epsilon">Added inside both square roots (Keras default 1e-7).</param>
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
    public Adadelta(double learningRate = DefaultLearningRate, double rho = 0.95, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "adadelta")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(rho >= 0 && rho <= 1, nameof(rho), rho, "in [0, 1]");
        Check(epsilon >= 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon, "a finite number >= 0");
        Rho = rho;
        Epsilon = epsilon;
    }

    /// <summary>Decay rate of both running averages.</summary>
    public double Rho { get; }

    /// <summary>Added inside both square roots.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string ClassName => "Adadelta";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables)
        {
            _accumulatedGrads.Add(AddSlot(v, "accumulated_grad"));
            _accumulatedDeltaVars.Add(AddSlot(v, "accumulated_delta_var"));
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        int i = IndexOf(variable);
        var accumulatedGrad = _accumulatedGrads[i].Value;
        var accumulatedDelta = _accumulatedDeltaVars[i].Value;
        accumulatedGrad.mul_(Coef(Rho)).addcmul_(gradient, gradient, Coef(1 - Rho));
        // step = −Δ = √(D + ε)·g / √(A + ε)
        using var step = accumulatedDelta.add(Coef(Epsilon)).sqrt_().mul_(gradient);
        using (var rmsGrad = accumulatedGrad.add(Coef(Epsilon)).sqrt_()) step.div_(rmsGrad);
        accumulatedDelta.mul_(Coef(Rho)).addcmul_(step, step, Coef(1 - Rho));
        variable.Value.add_(step, alpha: Coef(-learningRate));
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rho"] = Rho;
        c["epsilon"] = Epsilon;
        return c;
    }
}
