using KerasNet.Saving;

namespace KerasNet.Optimizers;

/// <summary>Lookup of Keras optimizers by name (<c>keras.optimizers.get</c>): lower-case names and class names.</summary>
public static class Optimizers
{
    private static readonly KerasRegistry<Optimizer> Registry = Build();

    private static KerasRegistry<Optimizer> Build()
    {
        var r = new KerasRegistry<Optimizer>("optimizer");
        r.Register(() => new SGD(), "sgd", "SGD");
        r.Register(() => new Adam(), "adam", "Adam");
        r.Register(() => new AdamW(), "adamw", "AdamW");
        r.Register(() => new RMSprop(), "rmsprop", "RMSprop");
        r.Register(() => new Adagrad(), "adagrad", "Adagrad");
        r.Register(() => new Adadelta(), "adadelta", "Adadelta");
        r.Register(() => new Adamax(), "adamax", "Adamax");
        r.Register(() => new Nadam(), "nadam", "Nadam");
        r.Register(() => new Lion(), "lion", "Lion");
        return r;
    }

    /// <summary>The optimizer called <paramref name="name"/> with Keras's default arguments.</summary>
    public static Optimizer Get(string name) => Registry.Get(name);
}
