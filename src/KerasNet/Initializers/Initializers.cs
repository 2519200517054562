using KerasNet.Saving;

namespace KerasNet.Initializers;

/// <summary>Lookup of Keras initializers by name (<c>keras.initializers.get</c>).</summary>
public static class Initializers
{
    private static readonly KerasRegistry<Initializer> Registry = Build();

    private static KerasRegistry<Initializer> Build()
    {
        var r = new KerasRegistry<Initializer>("initializer");
        r.Register(() => new Zeros(), "zeros", "Zeros");
        r.Register(() => new Ones(), "ones", "Ones");
        r.Register(() => new GlorotUniform(), "glorot_uniform", "GlorotUniform");
        return r;
    }

    /// <summary>The initializer called <paramref name="name"/> with default arguments.</summary>
    public static Initializer Get(string name) => Registry.Get(name);
}
