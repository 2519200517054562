using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// <c>sqrt</c> of the running mean of squared errors (Keras <c>RootMeanSquaredError</c>): squared
/// errors are averaged per sample, then over samples (weighted), then the root is taken.
/// </summary>
public sealed class RootMeanSquaredError(string name = "root_mean_squared_error") : Mean(name)
{
    /// <inheritdoc />
    public override string ClassName => "RootMeanSquaredError";

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (t, p) = RankAlignment.Align(yTrue.to(ScalarType.Float32), yPred.detach().to(ScalarType.Float32));
        UpdateState((p - t).square(), sampleWeight);
    }

    /// <inheritdoc />
    public override Tensor Result()
    {
        using var mean = base.Result();
        return mean.sqrt();
    }
}
