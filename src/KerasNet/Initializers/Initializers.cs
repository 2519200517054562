using System.Text.Json.Nodes;
using KerasNet.Saving;

namespace KerasNet.Initializers;

/// <summary>
/// Lookup of Keras initializers (<c>keras.initializers.get</c> / <c>deserialize</c>) by class name, snake_case
/// name and Keras's aliases (<c>uniform</c>, <c>normal</c>, <c>one</c>, <c>zero</c>).
/// </summary>
public static class Initializers
{
    private static readonly KerasRegistry<Func<JsonObject?, Initializer>> Registry = Build();

    private static KerasRegistry<Func<JsonObject?, Initializer>> Build()
    {
        var r = new KerasRegistry<Func<JsonObject?, Initializer>>("initializer");
        Add(r, _ => new Zeros(), "Zeros", "zeros", "zero");
        Add(r, _ => new Ones(), "Ones", "ones", "one");
        Add(r, c => new Constant(c.Double("value", 0.0)), "Constant", "constant");
        Add(r, c => new Identity(c.Double("gain", 1.0)), "Identity", "identity", "IdentityInitializer", "identity_initializer");
        Add(r, c => new RandomNormal(c.Double("mean", 0.0), c.Double("stddev", 0.05), c.NullableInt("seed")),
            "RandomNormal", "random_normal", "normal");
        Add(r, c => new RandomUniform(c.Double("minval", -0.05), c.Double("maxval", 0.05), c.NullableInt("seed")),
            "RandomUniform", "random_uniform", "uniform");
        Add(r, c => new TruncatedNormal(c.Double("mean", 0.0), c.Double("stddev", 0.05), c.NullableInt("seed")),
            "TruncatedNormal", "truncated_normal");
        Add(r, c => new VarianceScaling(c.Double("scale", 1.0), c.String("mode", "fan_in"),
            c.String("distribution", "truncated_normal"), c.NullableInt("seed")), "VarianceScaling", "variance_scaling");
        Add(r, c => new GlorotUniform(c.NullableInt("seed")), "GlorotUniform", "glorot_uniform");
        Add(r, c => new GlorotNormal(c.NullableInt("seed")), "GlorotNormal", "glorot_normal");
        Add(r, c => new HeUniform(c.NullableInt("seed")), "HeUniform", "he_uniform");
        Add(r, c => new HeNormal(c.NullableInt("seed")), "HeNormal", "he_normal");
        Add(r, c => new LecunUniform(c.NullableInt("seed")), "LecunUniform", "lecun_uniform");
        Add(r, c => new LecunNormal(c.NullableInt("seed")), "LecunNormal", "lecun_normal");
        Add(r, c => new Orthogonal(c.Double("gain", 1.0), c.NullableInt("seed")),
            "Orthogonal", "orthogonal", "OrthogonalInitializer", "orthogonal_initializer");
        return r;
    }

    private static void Add(KerasRegistry<Func<JsonObject?, Initializer>> r, Func<ConfigReader, Initializer> read, params string[] names) =>
        r.Register(() => config =>
        {
            var reader = new ConfigReader(config, $"Initializer {names[0]}");
            var initializer = read(reader);
            reader.EnsureAllRead();
            return initializer;
        }, names);

    /// <summary>The registered names, sorted.</summary>
    public static IEnumerable<string> Names => Registry.Names;

    /// <summary>A new initializer called <paramref name="name"/> with default arguments.</summary>
    public static Initializer Get(string name) => Registry.Get(name)(null);

    /// <summary>
    /// Rebuilds an initializer from what Keras writes into a layer config: a name, or
    /// <c>{"class_name": …, "config": {…}}</c> (Keras 2 and 3 forms). Unknown config keys throw
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    public static Initializer Deserialize(JsonNode node)
    {
        var (className, config) = ConfigReader.SplitObject(node, "initializer");
        return Registry.Get(className)(config);
    }
}
