using System.Text.Json.Nodes;
using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Any loss used as a metric: the running (weighted) mean of the loss's per-sample values, as Keras's
/// metric classes built on loss functions do (<c>BinaryCrossentropy</c>, <c>Hinge</c>,
/// <c>KLDivergence</c>, <c>LogCoshError</c>…). <c>metrics: ["hinge"]</c> resolves to one of these.
/// </summary>
public sealed class LossMetric : MeanMetricWrapper
{
    private readonly string _className;

    /// <summary>Wraps <paramref name="loss"/>.</summary>
    /// <param name="loss">The loss whose per-sample values are averaged (its reduction is not used).</param>
    /// <param name="name">The metric name; defaults to the loss's name.</param>
    /// <param name="className">Keras's metric class name; defaults to the loss's class name.</param>
    public LossMetric(Loss loss, string? name = null, string? className = null) : base(name ?? loss.Name)
    {
        Loss = loss;
        _className = className ?? loss.ClassName;
    }

    /// <summary>The wrapped loss.</summary>
    public Loss Loss { get; }

    /// <inheritdoc />
    public override string ClassName => _className;

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred)
    {
        Loss.ValidateShapes(yTrue.shape, yPred.shape);
        return Loss.Call(yTrue, yPred);
    }

    /// <summary>The metric's name and dtype plus the loss's own arguments (its name and reduction left out).</summary>
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        foreach (var (key, value) in Loss.GetConfig())
            if (key is not ("name" or "reduction")) c[key] = value?.DeepClone();
        return c;
    }
}
