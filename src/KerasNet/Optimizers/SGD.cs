using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Stochastic gradient descent with Keras's momentum form: <c>m = μm − lr·g; w += m</c>
/// (Nesterov: <c>w += μm − lr·g</c> with the new m). Without momentum, <c>w −= lr·g</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private const double DefaultLearningRate = 0.01;
    private readonly List<KerasVariable> _momentums = [];

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.01).</param>
    /// <param name="momentum">Momentum μ in [0, 1].</param>
    /// <param name="nesterov">Whether to use Nesterov momentum.</param>
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
    public SGD(double learningRate = DefaultLearningRate, double momentum = 0.0, bool nesterov = false,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "SGD")
        : base(name, learningRate, DefaultLearningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps)
    {
        Check(momentum >= 0 && momentum <= 1, nameof(momentum), momentum, "in [0, 1]");
        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>Momentum μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether to use Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override string ClassName => "SGD";

    /// <inheritdoc />
    protected override void BuildSlots(IReadOnlyList<KerasVariable> variables)
    {
        if (Momentum == 0) return;
        foreach (var v in variables) _momentums.Add(AddSlot(v, "momentum"));
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate)
    {
        var w = variable.Value;
        var minusLr = Coef(-learningRate);
        if (Momentum == 0)
        {
            w.add_(gradient, alpha: minusLr);
            return;
        }
        var m = _momentums[IndexOf(variable)].Value;
        m.mul_(Coef(Momentum)).add_(gradient, alpha: minusLr);
        if (Nesterov) w.add_(m, alpha: Coef(Momentum)).add_(gradient, alpha: minusLr);
        else w.add_(m);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["momentum"] = Momentum;
        c["nesterov"] = Nesterov;
        return c;
    }
}
