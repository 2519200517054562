using System.Text.Json.Nodes;
using KerasNet.Saving;

namespace KerasNet.Initializers;

/// <summary>
/// Lookup of Keras initializers (<c>keras.initializers.get</c> / <c>deserialize</c>) by class name, snake_case
/// name and Keras's aliases (<c>uniform</c>, <c>normal</c>, <c>one</c>, <c>zero</c>).
/// </summary>
public static class Initializers
{
    private static readonly ConfigRegistry<Initializer> Registry = Build();

    private static ConfigRegistry<Initializer> Build()
    {
        var r = new ConfigRegistry<Initializer>("initializer");
        r.Register(_ => new Zeros(), "Zeros", "zeros", "zero");
        r.Register(_ => new Ones(), "Ones", "ones", "one");
        r.Register(c => new Constant(c.Double("value", 0.0)), "Constant", "constant");
        r.Register(c => new Identity(c.Double("gain", 1.0)), "Identity", "identity", "IdentityInitializer", "identity_initializer");
        r.Register(c => new RandomNormal(c.Double("mean", 0.0), c.Double("stddev", 0.05), c.NullableInt("seed")),
            "RandomNormal", "random_normal", "normal");
        r.Register(c => new RandomUniform(c.Double("minval", -0.05), c.Double("maxval", 0.05), c.NullableInt("seed")),
            "RandomUniform", "random_uniform", "uniform");
        r.Register(c => new TruncatedNormal(c.Double("mean", 0.0), c.Double("stddev", 0.05), c.NullableInt("seed")),
            "TruncatedNormal", "truncated_normal");
        r.Register(c => new VarianceScaling(c.Double("scale", 1.0), c.String("mode", "fan_in"),
            c.String("distribution", "truncated_normal"), c.NullableInt("seed")), "VarianceScaling", "variance_scaling");
        r.Register(c => new GlorotUniform(c.NullableInt("seed")), "GlorotUniform", "glorot_uniform");
        r.Register(c => new GlorotNormal(c.NullableInt("seed")), "GlorotNormal", "glorot_normal");
        r.Register(c => new HeUniform(c.NullableInt("seed")), "HeUniform", "he_uniform");
        r.Register(c => new HeNormal(c.NullableInt("seed")), "HeNormal", "he_normal");
        r.Register(c => new LecunUniform(c.NullableInt("seed")), "LecunUniform", "lecun_uniform");
        r.Register(c => new LecunNormal(c.NullableInt("seed")), "LecunNormal", "lecun_normal");
        r.Register(c => new Orthogonal(c.Double("gain", 1.0), c.NullableInt("seed")),
            "Orthogonal", "orthogonal", "OrthogonalInitializer", "orthogonal_initializer");
        return r;
    }

    /// <summary>The registered names, sorted.</summary>
    public static IEnumerable<string> Names => Registry.Names;

    /// <summary>A new initializer called <paramref name="name"/> with default arguments.</summary>
    public static Initializer Get(string name) => Registry.Get(name);

    /// <summary>
    /// Rebuilds an initializer from what Keras writes into a layer config: a name, or
    /// <c>{"class_name": …, "config": {…}}</c> (Keras 2 and 3 forms). Unknown config keys throw
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    public static Initializer Deserialize(JsonNode node) => Registry.Deserialize(node);
}
