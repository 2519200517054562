using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// A Keras loss: <see cref="Call"/> gives per-sample values, <see cref="Compute"/> applies sample
/// weights and the reduction exactly as Keras does. Strings convert: <c>loss: "mse"</c>.
/// </summary>
public abstract class Loss
{
    /// <summary>Creates a loss with Keras's name and reduction.</summary>
    /// <param name="name">Keras name, e.g. <c>categorical_crossentropy</c>.</param>
    /// <param name="reduction"><c>sum_over_batch_size</c> (default), <c>sum</c>, <c>mean_with_sample_weight</c> or <c>none</c>.</param>
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
    /// Checks that labels fit the predictions; the default requires equal shapes.
    /// Throws a <see cref="KerasNetException"/> naming the loss and both shapes.
    /// </summary>
    public virtual void ValidateShapes(long[] yTrue, long[] yPred)
    {
        if (!yTrue.SequenceEqual(yPred))
            throw new KerasNetException(
                $"Loss '{Name}': labels of shape {Shape.Of(yTrue)} do not match predictions of shape {Shape.Of(yPred)}.");
    }

    /// <summary>The weighted, reduced loss (a scalar unless the reduction is <c>none</c>).</summary>
    public Tensor Compute(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        var values = Call(yTrue, yPred);
        if (sampleWeight is not null)
        {
            var w = sampleWeight.to(values.dtype);
            while (w.dim() < values.dim()) w = w.unsqueeze(-1);
            while (w.dim() > values.dim() && w.shape[^1] == 1) w = w.squeeze(-1);
            values = values * w;
            if (Reduction == "mean_with_sample_weight")
                return (values.sum() / w.expand_as(values).sum().clamp_min(1e-7)).MoveToOuterDisposeScope();
        }
        var reduced = Reduction switch
        {
            "none" => values,
            "sum" => values.sum(),
            _ => values.mean(), // sum over the number of elements, not over the weights (Keras)
        };
        return reduced.MoveToOuterDisposeScope();
    }

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new() { ["name"] = Name, ["reduction"] = Reduction };

    /// <summary>Looks up a Keras loss by name.</summary>
    public static implicit operator Loss(string name) => Losses.Get(name);
}
