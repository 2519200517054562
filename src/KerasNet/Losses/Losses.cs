using KerasNet.Saving;

namespace KerasNet.Losses;

/// <summary>Lookup of Keras losses by name (<c>keras.losses.get</c>), function names and class names.</summary>
public static class Losses
{
    private static readonly KerasRegistry<Loss> Registry = Build();

    private static KerasRegistry<Loss> Build()
    {
        var r = new KerasRegistry<Loss>("loss");
        r.Register(() => new CategoricalCrossentropy(), "categorical_crossentropy", "CategoricalCrossentropy");
        return r;
    }

    /// <summary>The loss called <paramref name="name"/> with default arguments.</summary>
    public static Loss Get(string name) => Registry.Get(name);
}
