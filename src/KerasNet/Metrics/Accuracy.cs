using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>How often predictions exactly equal labels (Keras <c>Accuracy</c>), averaged over the last axis.</summary>
public sealed class Accuracy(string name = "accuracy") : MeanMetricWrapper(name)
{
    /// <inheritdoc />
    public override string ClassName => "Accuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred)
    {
        var (t, p) = RankAlignment.Align(yTrue.to(yPred.dtype), yPred);
        return t.eq(p).to(ScalarType.Float32).mean([-1]);
    }
}
