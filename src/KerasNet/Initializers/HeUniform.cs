using System.Text.Json.Nodes;

namespace KerasNet.Initializers;

/// <summary>U(−l, l) with l = √(6 / fan_in) (Keras <c>HeUniform</c>: VarianceScaling(2.0, fan_in, uniform)).</summary>
public sealed class HeUniform(int? seed = null) : VarianceScaling(2.0, "fan_in", "uniform", seed)
{
    /// <inheritdoc />
    public override string ClassName => "HeUniform";

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["seed"] = Seed };
}
