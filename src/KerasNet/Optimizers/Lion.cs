using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Lion with Keras's update: <c>w −= lr·sign(β1·m + (1 − β1)g)</c>, then <c>m = β2·m + (1 − β2)g</c>
/// (Keras defaults lr 0.001, β 0.9/0.99).
/// </summary>
public sealed class Lion : Optimizer
{
    private const double DefaultLearningRate = 0.001;
    private readonly List<KerasVariable> _momentums = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="beta1">Interpolation between momentum and gradient for the update direction, in (0, 1].</param>
    /// <param name="beta2">Decay rate of the momentum.</param>
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
    public Lion(double learningRate = DefaultLearningRate, double beta1 = 0.9, double beta2 = 0.99,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "lion")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(beta1 > 0 && beta1 <= 1, nameof(beta1), beta1, "in (0, 1] (otherwise Lion degenerates to SignSGD)");
        Check(beta2 >= 0 && beta2 <= 1, nameof(beta2), beta2, "in [0, 1]");
        Beta1 = beta1;
        Beta2 = beta2;
    }

    /// <summary>Interpolation between momentum and gradient for the update direction.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate of the momentum.</summary>
    public double Beta2 { get; }

    /// <inheritdoc />
    public override string ClassName => "Lion";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        foreach (var v in variables) _momentums.Add(AddSlot(v, "momentum"));
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        var m = _momentums[IndexOf(variable)].Value;
        using (var direction = m.mul(Coef(Beta1)).add_(gradient, alpha: Coef(1 - Beta1)).sign_())
            variable.Value.add_(direction, alpha: Coef(-learningRate));
        m.mul_(Coef(Beta2)).add_(gradient, alpha: Coef(1 - Beta2));
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["beta_1"] = Beta1;
        c["beta_2"] = Beta2;
        return c;
    }
}
