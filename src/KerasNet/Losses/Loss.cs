using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// A Keras loss: <see cref="Call"/> gives per-sample values, <see cref="Compute"/> applies sample
/// weights, masks and the reduction exactly as Keras does. Strings convert: <c>loss: "mse"</c>.
/// </summary>
public abstract class Loss
{
    /// <summary>Keras's fuzz factor, <c>keras.config.epsilon()</c>.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Creates a loss with Keras's name and reduction.</summary>
    /// <param name="name">Keras name, e.g. <c>categorical_crossentropy</c>.</param>
    /// <param name="reduction"><c>sum_over_batch_size</c> (default), <c>sum</c>, <c>mean</c>, <c>mean_with_sample_weight</c> or <c>none</c>.</param>
    protected Loss(string name, string reduction = "sum_over_batch_size")
    {
        if (reduction is not ("sum_over_batch_size" or "sum" or "mean_with_sample_weight" or "none" or "mean"))
            throw new KerasNetException($"Loss '{name}': unknown reduction '{reduction}'. Valid: sum_over_batch_size, sum, mean, mean_with_sample_weight, none.");
        Name = name;
        Reduction = reduction;
    }

    /// <summary>Keras name of the loss.</summary>
    public string Name { get; }

    /// <summary>How per-sample values are reduced.</summary>
    public string Reduction { get; }

    /// <summary>The Keras class name, e.g. <c>CategoricalCrossentropy</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>Per-sample loss values (the last axis reduced), unweighted.</summary>
    public abstract Tensor Call(Tensor yTrue, Tensor yPred);

    /// <summary>
    /// The Keras mask a loss puts on its own values (true = counts), e.g. the entries of an ignored
    /// class; <c>null</c> when every value counts.
    /// </summary>
    protected virtual Tensor? OutputMask(Tensor yTrue, Tensor yPred) => null;

    /// <summary>
    /// Checks that labels fit the predictions: equal shapes once a trailing dimension of 1 on one side
    /// is squeezed away, as Keras's loss wrapper does. Throws a <see cref="KerasNetException"/>
    /// naming the loss and both shapes.
    /// </summary>
    public virtual void ValidateShapes(long[] yTrue, long[] yPred)
    {
        var (t, p) = RankAlignment.Align(yTrue, yPred);
        if (!t.SequenceEqual(p))
            throw new KerasNetException(
                $"Loss '{Name}': labels of shape {Shape.Of(yTrue)} do not match predictions of shape {Shape.Of(yPred)}.");
    }

    /// <summary>
    /// The weighted, reduced loss (a scalar unless the reduction is <c>none</c>), as Keras's
    /// <c>Loss.__call__</c>: the mask (the predictions' Keras mask, true = counts) is merged into the
    /// sample weights — with <c>sum_over_batch_size</c>/<c>mean</c> valid entries are weighted
    /// total/valid so the mean runs over valid entries only — then <c>sum_over_batch_size</c> and
    /// <c>mean</c> divide the weighted sum by the number of elements, <c>mean_with_sample_weight</c>
    /// by the sum of the weights (0 when that is 0) and <c>sum</c> does not divide.
    /// </summary>
    public Tensor Compute(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null, Tensor? mask = null)
    {
        ValidateShapes(yTrue.shape, yPred.shape);
        using var scope = NewDisposeScope();
        var values = Call(yTrue, yPred);
        var weights = MergeMask(sampleWeight?.to(values.dtype), CombinedMask(mask, OutputMask(yTrue, yPred)), values.dtype);
        if (weights is not null)
        {
            (values, weights) = RankAlignment.Align(values, weights);
            while (weights.dim() < values.dim()) weights = weights.unsqueeze(-1); // per-sample weights on per-step values
            values = values * weights;
        }
        return Reduce(values, weights).MoveToOuterDisposeScope();
    }

    private static Tensor? CombinedMask(Tensor? a, Tensor? b) =>
        a is null ? b : b is null ? a : a.to(ScalarType.Bool).logical_and(b.to(ScalarType.Bool));

    private Tensor? MergeMask(Tensor? sampleWeight, Tensor? mask, ScalarType dtype)
    {
        if (mask is null) return sampleWeight;
        var m = mask.to(dtype);
        if (Reduction is "sum_over_batch_size" or "mean")
        {
            var valid = m.sum();
            m = m * SafeDivision.DivideNoNan(full_like(valid, m.numel()), valid);
        }
        if (sampleWeight is null) return m;
        var (alignedMask, w) = RankAlignment.Align(m, sampleWeight);
        return w * alignedMask;
    }

    private Tensor Reduce(Tensor values, Tensor? weights)
    {
        if (Reduction == "none" || values.dim() == 0 || (values.dim() == 1 && values.shape[0] == 0))
            return values;
        var total = values.sum();
        if (Reduction == "sum") return total;
        if (Reduction == "mean_with_sample_weight" && weights is not null)
            return SafeDivision.DivideNoNan(total, weights.sum());
        return values.numel() > 0 ? total / values.numel() : zeros_like(total);
    }

    /// <summary>Keras's loss-wrapper step: squeezes or expands a trailing 1 so both ranks agree.</summary>
    protected static (Tensor YTrue, Tensor YPred) SameRank(Tensor yTrue, Tensor yPred) => RankAlignment.Align(yTrue, yPred);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new() { ["name"] = Name, ["reduction"] = Reduction };

    /// <summary>Looks up a Keras loss by name.</summary>
    public static implicit operator Loss(string name) => Losses.Get(name);
}
