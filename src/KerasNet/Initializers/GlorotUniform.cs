using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>U(−l, l) with l = √(6 / (fan_in + fan_out)) (Keras <c>GlorotUniform</c>: VarianceScaling(1.0, fan_avg, uniform)).</summary>
public sealed class GlorotUniform(int? seed = null) : VarianceScaling(1.0, "fan_avg", "uniform", seed)
{
    /// <inheritdoc />
    public override string ClassName => "GlorotUniform";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
