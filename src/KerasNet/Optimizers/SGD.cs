using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Stochastic gradient descent with Keras's momentum form: <c>m = μm − lr·g; w += m</c>
/// (Nesterov: <c>w += μm − lr·g</c> with the new m).
/// </summary>
public sealed class SGD(double learningRate = 0.01, double momentum = 0.0, bool nesterov = false,
    double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
    LearningRateSchedule? schedule = null, string name = "SGD")
    : Optimizer(name, learningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm)
{
    private readonly List<KerasVariable> _momentums = [];

    /// <summary>Momentum μ.</summary>
    public double Momentum { get; } = momentum >= 0 && momentum <= 1 ? momentum
        : throw new KerasNetException($"SGD: momentum must be in [0, 1], got {momentum}.");

    /// <summary>Whether to use Nesterov momentum.</summary>
    public bool Nesterov { get; } = nesterov;

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
        if (Momentum == 0)
        {
            w.add_(gradient, alpha: -learningRate);
            return;
        }
        var m = _momentums[IndexOf(variable)].Value;
        m.mul_(Momentum).add_(gradient, alpha: -learningRate);
        if (Nesterov) w.add_(m, alpha: Momentum).add_(gradient, alpha: -learningRate);
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
