using KerasNet.Saving;

namespace KerasNet.Optimizers;

/// <summary>Lookup of Keras optimizers by name (<c>keras.optimizers.get</c>).</summary>
public static class Optimizers
{
    private static readonly KerasRegistry<Optimizer> Registry = Build();

    private static KerasRegistry<Optimizer> Build()
    {
        var r = new KerasRegistry<Optimizer>("optimizer");
        r.Register(() => new SGD(), "sgd", "SGD");
        return r;
    }

    /// <summary>The optimizer called <paramref name="name"/> with Keras's default arguments.</summary>
    public static Optimizer Get(string name) => Registry.Get(name);
}
