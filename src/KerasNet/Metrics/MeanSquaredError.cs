using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>The running mean of <c>mean((y − ŷ)², −1)</c> (Keras metric <c>MeanSquaredError</c>).</summary>
public sealed class MeanSquaredError(string name = "mean_squared_error") : MeanMetricWrapper(name)
{
    private readonly Losses.MeanSquaredError _fn = new();

    /// <inheritdoc />
    public override string ClassName => "MeanSquaredError";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) => _fn.Call(yTrue, yPred);
}
