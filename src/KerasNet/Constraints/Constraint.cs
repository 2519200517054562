using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>
/// A projection applied to a weight after each optimizer update (Keras
/// <c>keras.constraints.Constraint</c>). Strings convert: <c>kernelConstraint: "non_neg"</c>.
/// </summary>
public abstract class Constraint
{
    /// <summary>Keras's fuzz factor <c>keras.config.epsilon()</c>, added to norms before dividing.</summary>
    protected const double Epsilon = 1e-7;

    /// <summary>The Keras class name, e.g. <c>MaxNorm</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>The projected weight (a new tensor; <paramref name="w"/> is not changed).</summary>
    public abstract Tensor Call(Tensor w);

    /// <summary>Projects <paramref name="variable"/> in place, without leaving the device.</summary>
    public void Apply(KerasVariable variable)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
            variable.Assign(Call(variable.Value));
    }

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new();

    /// <summary><c>{"class_name": …, "config": …}</c> as Keras writes it.</summary>
    public JsonObject ToConfig() => new() { ["class_name"] = ClassName, ["config"] = GetConfig() };

    /// <summary>Looks up a Keras constraint by name.</summary>
    public static implicit operator Constraint(string name) => Constraints.Get(name);

    /// <summary>√(Σ w²) over <paramref name="axes"/>, kept as size-1 dimensions.</summary>
    protected Tensor Norms(Tensor w, int[] axes)
    {
        long rank = w.dim();
        foreach (var a in axes)
            if (a < -rank || a >= rank)
                throw new KerasNetException($"Constraint {ClassName}: axis {a} is out of range for a weight of shape {Shape.Of(w.shape)} (rank {rank}).");
        return w.square().sum(axes.Select(a => (long)a).ToArray(), keepdim: true).sqrt_();
    }

    /// <summary>Writes <paramref name="axes"/> as Keras does: one integer, or a list.</summary>
    protected static JsonNode AxisConfig(int[] axes) =>
        axes.Length == 1 ? JsonValue.Create(axes[0]) : new JsonArray(axes.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
}
