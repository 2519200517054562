using KerasNet.Saving;

namespace KerasNet.Losses;

/// <summary>
/// Lookup of Keras losses by name (<c>keras.losses.get</c>): function names, Keras's short aliases
/// (<c>mse</c>, <c>mae</c>, <c>mape</c>, <c>msle</c>, <c>kld</c>, <c>bce</c> and their upper-case forms)
/// and class names.
/// </summary>
public static class Losses
{
    private static readonly KerasRegistry<Loss> Registry = Build();

    private static KerasRegistry<Loss> Build()
    {
        var r = new KerasRegistry<Loss>("loss");
        r.Register(() => new MeanSquaredError(), "mean_squared_error", "mse", "MSE", "MeanSquaredError");
        r.Register(() => new MeanAbsoluteError(), "mean_absolute_error", "mae", "MAE", "MeanAbsoluteError");
        r.Register(() => new MeanAbsolutePercentageError(), "mean_absolute_percentage_error", "mape", "MAPE", "MeanAbsolutePercentageError");
        r.Register(() => new MeanSquaredLogarithmicError(), "mean_squared_logarithmic_error", "msle", "MSLE", "MeanSquaredLogarithmicError");
        r.Register(() => new Huber(), "huber", "Huber");
        r.Register(() => new LogCosh(), "log_cosh", "LogCosh");
        r.Register(() => new BinaryCrossentropy(), "binary_crossentropy", "bce", "BCE", "BinaryCrossentropy");
        r.Register(() => new BinaryFocalCrossentropy(), "binary_focal_crossentropy", "BinaryFocalCrossentropy");
        r.Register(() => new CategoricalCrossentropy(), "categorical_crossentropy", "CategoricalCrossentropy");
        r.Register(() => new SparseCategoricalCrossentropy(), "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
        r.Register(() => new KLDivergence(), "kl_divergence", "kld", "KLD", "KLDivergence");
        r.Register(() => new Poisson(), "poisson", "Poisson");
        r.Register(() => new CosineSimilarity(), "cosine_similarity", "CosineSimilarity");
        r.Register(() => new Hinge(), "hinge", "Hinge");
        r.Register(() => new SquaredHinge(), "squared_hinge", "SquaredHinge");
        r.Register(() => new CategoricalHinge(), "categorical_hinge", "CategoricalHinge");
        return r;
    }

    /// <summary>The loss called <paramref name="name"/> with default arguments.</summary>
    public static Loss Get(string name) => Registry.Get(name);

    /// <summary>True when <paramref name="name"/> names a Keras loss.</summary>
    public static bool Contains(string name) => Registry.Contains(name);
}
