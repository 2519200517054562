using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Adagrad with Keras's update: <c>a += g²</c>, <c>w −= lr·g / √(a + ε)</c>, the accumulator starting
/// at <c>initial_accumulator_value</c> (Keras default 0.1).
/// </summary>
public sealed class Adagrad : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private readonly List<KerasVariable> _accumulators = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="initialAccumulatorValue">Starting value of the accumulator (>= 0).</param>
    /// <param name="epsilon">Added to the accumulator inside the square root (Keras default 1e-7).</param>
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
    public Adagrad(double learningRate = DefaultLearningRate, double initialAccumulatorValue = 0.1, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "adagrad")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(initialAccumulatorValue >= 0 && double.IsFinite(initialAccumulatorValue), nameof(initialAccumulatorValue), initialAccumulatorValue, "a finite number >= 0");
        Check(epsilon >= 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon, "a finite number >= 0");
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
    }

    /// <summary>Starting value of the accumulator.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Added to the accumulator inside the square root.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string ClassName => "Adagrad";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables) _accumulators.Add(AddSlot(v, "accumulator", InitialAccumulatorValue));
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        var accumulator = _accumulators[IndexOf(variable)].Value;
        accumulator.addcmul_(gradient, gradient, Coef(1.0));
        using var denominator = accumulator.add(Coef(Epsilon)).sqrt_();
        variable.Value.addcdiv_(gradient, denominator, Coef(-learningRate));
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["initial_accumulator_value"] = InitialAccumulatorValue;
        c["epsilon"] = Epsilon;
        return c;
    }
}
