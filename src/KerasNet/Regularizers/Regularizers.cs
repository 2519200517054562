using System.Text.Json.Nodes;
using KerasNet.Saving;

namespace KerasNet.Regularizers;

/// <summary>Lookup of Keras regularizers (<c>keras.regularizers.get</c> / <c>deserialize</c>).</summary>
public static class Regularizers
{
    private static readonly ConfigRegistry<Regularizer> Registry = Build();

    private static ConfigRegistry<Regularizer> Build()
    {
        var r = new ConfigRegistry<Regularizer>("regularizer");
        r.Register(c => new L1(c.Double("l1", 0.01)), "L1", "l1");
        r.Register(c => new L2(c.Double("l2", 0.01)), "L2", "l2");
        r.Register(c => new L1L2(c.Double("l1", 0.0), c.Double("l2", 0.0)), "L1L2", "l1l2");
        // Keras's l1_l2 shortcut (and Keras 2's function of that name) defaults both factors to 0.01.
        r.Register(c => new L1L2(c.Double("l1", 0.01), c.Double("l2", 0.01)), "l1_l2");
        r.Register(c => new OrthogonalRegularizer(c.Double("factor", 0.01), c.String("mode", "rows")),
            "OrthogonalRegularizer", "orthogonal_regularizer");
        return r;
    }

    /// <summary>The registered names, sorted.</summary>
    public static IEnumerable<string> Names => Registry.Names;

    /// <summary>A new regularizer called <paramref name="name"/> with its default factors.</summary>
    public static Regularizer Get(string name) => Registry.Get(name);

    /// <summary>
    /// Rebuilds a regularizer from what Keras writes into a layer config: a name, or
    /// <c>{"class_name": …, "config": {…}}</c>. Unknown config keys throw <see cref="NotSupportedException"/>.
    /// </summary>
    public static Regularizer Deserialize(JsonNode node) => Registry.Deserialize(node);
}
