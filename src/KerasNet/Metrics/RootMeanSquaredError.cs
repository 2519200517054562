using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// <c>sqrt</c> of the running mean of squared errors (Keras <c>RootMeanSquaredError</c>): squared
/// errors are averaged per sample, then over samples (weighted), then the root is taken.
/// </summary>
public sealed class RootMeanSquaredError(string name = "root_mean_squared_error") : MeanMetricWrapper(name)
{
    /// <inheritdoc />
    public override string ClassName => "RootMeanSquaredError";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred)
    {
        var (t, p) = RankAlignment.Align(yTrue.to(ScalarType.Float32), yPred.to(ScalarType.Float32));
        return (p - t).square();
    }

    /// <inheritdoc />
    public override Tensor Result()
    {
        using var mean = base.Result();
        return mean.sqrt();
    }
}
