using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>U(−l, l) with l = √(3 / fan_in) (Keras <c>LecunUniform</c>: VarianceScaling(1.0, fan_in, uniform)).</summary>
public sealed class LecunUniform(int? seed = null) : VarianceScaling(1.0, "fan_in", "uniform", seed)
{
    /// <inheritdoc />
    public override string ClassName => "LecunUniform";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
