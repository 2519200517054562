using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>Truncated normal with standard deviation √(1 / fan_in) (Keras <c>LecunNormal</c>: VarianceScaling(1.0, fan_in, truncated_normal)).</summary>
public sealed class LecunNormal(int? seed = null) : VarianceScaling(1.0, "fan_in", "truncated_normal", seed)
{
    /// <inheritdoc />
    public override string ClassName => "LecunNormal";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
