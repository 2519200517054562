using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>Truncated normal with standard deviation √(2 / fan_in) (Keras <c>HeNormal</c>: VarianceScaling(2.0, fan_in, truncated_normal)).</summary>
public sealed class HeNormal(int? seed = null) : VarianceScaling(2.0, "fan_in", "truncated_normal", seed)
{
    /// <inheritdoc />
    public override string ClassName => "HeNormal";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
