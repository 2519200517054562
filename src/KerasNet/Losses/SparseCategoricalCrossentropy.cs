using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Crossentropy for integer labels of shape <c>(N, …)</c> or <c>(N, …, 1)</c> against predictions
/// <c>(N, …, C)</c>. From probabilities rows are rescaled to sum to 1 and clipped to
/// [1e-7, 1 − 1e-7]; from logits log-softmax is used. With <see cref="IgnoreClass"/>, entries with
/// that label give 0 and are masked out of the reduction (the mean runs over the others).
/// Negative labels give 0, as Keras's one-hot of a negative index is all zeros.
/// </summary>
public sealed class SparseCategoricalCrossentropy(
    bool fromLogits = false, int? ignoreClass = null,
    string reduction = "sum_over_batch_size", string name = "sparse_categorical_crossentropy") : Loss(name, reduction)
{
    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <summary>A label value to leave out of the loss (e.g. a "void" class), or <c>null</c>.</summary>
    public int? IgnoreClass { get; } = ignoreClass;

    /// <inheritdoc />
    public override string ClassName => "SparseCategoricalCrossentropy";

    /// <summary>Labels must have the prediction's shape without its class axis, optionally with a trailing 1.</summary>
    public override void ValidateShapes(long[] yTrue, long[] yPred)
    {
        var expected = yPred.Length == 0 ? null : yPred[..^1];
        if (expected is null || !(yTrue.SequenceEqual(expected) || yTrue.SequenceEqual([.. expected, 1L])))
            throw new KerasNetException(
                $"Loss '{Name}': integer labels must have shape {(expected is null ? "(batch,)" : $"{Shape.Of(expected)} or {Shape.Of([.. expected, 1L])}")} " +
                $"for predictions of shape {Shape.Of(yPred)}; got labels of shape {Shape.Of(yTrue)}. " +
                "One-hot labels need 'categorical_crossentropy'.");
    }

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var labels = Labels(yTrue, yPred);
        var logProb = FromLogits
            ? yPred.log_softmax(-1)
            : (yPred / yPred.sum(-1, keepdim: true)).clamp(Epsilon, 1 - Epsilon).log();
        // Entries that give 0 (negative labels, the ignored class — which may lie outside [0, C), e.g. 255)
        // pick class 0 so the gather stays in range, and are zeroed afterwards.
        var valid = labels.ge(0);
        if (IgnoreClass is int ignored) valid = valid.logical_and(labels.ne(ignored));
        var picked = logProb.gather(-1, labels.masked_fill(valid.logical_not(), 0).unsqueeze(-1)).squeeze(-1);
        return where(valid, -picked, zeros_like(picked));
    }

    /// <inheritdoc />
    protected override Tensor? OutputMask(Tensor yTrue, Tensor yPred) =>
        IgnoreClass is int ignored ? Labels(yTrue, yPred).ne(ignored) : null;

    private static Tensor Labels(Tensor yTrue, Tensor yPred)
    {
        var labels = yTrue.dim() == yPred.dim() && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
        return labels.to(ScalarType.Int64);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["from_logits"] = FromLogits;
        c["ignore_class"] = IgnoreClass;
        return c;
    }
}
