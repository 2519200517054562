using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>The running mean of <c>mean(|y − ŷ|, −1)</c> (Keras metric <c>MeanAbsoluteError</c>).</summary>
public sealed class MeanAbsoluteError(string name = "mean_absolute_error") : MeanMetricWrapper(name)
{
    private readonly Losses.MeanAbsoluteError _fn = new();

    /// <inheritdoc />
    public override string ClassName => "MeanAbsoluteError";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) => _fn.Call(yTrue, yPred);
}
