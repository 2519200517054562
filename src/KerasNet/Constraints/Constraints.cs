using System.Text.Json.Nodes;
using KerasNet.Saving;

namespace KerasNet.Constraints;

/// <summary>
/// Lookup of Keras constraints (<c>keras.constraints.get</c> / <c>deserialize</c>) by class name, snake_case
/// name and Keras 2's aliases (<c>maxnorm</c>, <c>nonneg</c>, <c>unitnorm</c>).
/// </summary>
public static class Constraints
{
    private static readonly ConfigRegistry<Constraint> Registry = Build();

    private static ConfigRegistry<Constraint> Build()
    {
        var r = new ConfigRegistry<Constraint>("constraint");
        r.Register(c => new MaxNorm(c.Double("max_value", 2.0), c.Axes("axis", [0])), "MaxNorm", "max_norm", "maxnorm");
        r.Register(_ => new NonNeg(), "NonNeg", "non_neg", "nonneg");
        r.Register(c => new UnitNorm(c.Axes("axis", [0])), "UnitNorm", "unit_norm", "unitnorm");
        r.Register(c => new MinMaxNorm(c.Double("min_value", 0.0), c.Double("max_value", 1.0), c.Double("rate", 1.0),
            c.Axes("axis", [0])), "MinMaxNorm", "min_max_norm");
        return r;
    }

    /// <summary>The registered names, sorted.</summary>
    public static IEnumerable<string> Names => Registry.Names;

    /// <summary>A new constraint called <paramref name="name"/> with default arguments.</summary>
    public static Constraint Get(string name) => Registry.Get(name);

    /// <summary>
    /// Rebuilds a constraint from what Keras writes into a layer config: a name, or
    /// <c>{"class_name": …, "config": {…}}</c>. Unknown config keys throw <see cref="NotSupportedException"/>.
    /// </summary>
    public static Constraint Deserialize(JsonNode node) => Registry.Deserialize(node);
}
