using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>Truncated normal with standard deviation √(2 / (fan_in + fan_out)) (Keras <c>GlorotNormal</c>: VarianceScaling(1.0, fan_avg, truncated_normal)).</summary>
public sealed class GlorotNormal(int? seed = null) : VarianceScaling(1.0, "fan_avg", "truncated_normal", seed)
{
    /// <inheritdoc />
    public override string ClassName => "GlorotNormal";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
