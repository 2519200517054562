using KerasNet.Losses;
using KerasNet.Saving;

namespace KerasNet.Metrics;

/// <summary>
/// Lookup of metrics by Keras name (<c>keras.metrics.get</c>: class names, their snake-case forms and
/// the aliases <c>mse</c>, <c>mae</c>, <c>mape</c>, <c>msle</c>, <c>bce</c>), including Keras's
/// resolution of <c>"accuracy"</c> in <c>compile</c>. <c>rmse</c> is accepted as well (a KerasNet
/// shorthand for <c>root_mean_squared_error</c>).
/// </summary>
public static class Metrics
{
    private static readonly KerasRegistry<Metric> Registry = Build();

    private static KerasRegistry<Metric> Build()
    {
        var r = new KerasRegistry<Metric>("metric");
        r.Register(() => new Accuracy(), "accuracy", "Accuracy");
        r.Register(() => new BinaryAccuracy(), "binary_accuracy", "BinaryAccuracy");
        r.Register(() => new CategoricalAccuracy(), "categorical_accuracy", "CategoricalAccuracy");
        r.Register(() => new SparseCategoricalAccuracy(), "sparse_categorical_accuracy", "SparseCategoricalAccuracy");
        r.Register(() => new TopKCategoricalAccuracy(), "top_k_categorical_accuracy", "TopKCategoricalAccuracy");
        r.Register(() => new SparseTopKCategoricalAccuracy(), "sparse_top_k_categorical_accuracy", "SparseTopKCategoricalAccuracy");
        r.Register(() => new Precision(), "precision", "Precision");
        r.Register(() => new Recall(), "recall", "Recall");
        r.Register(() => new AUC(), "auc", "AUC");
        r.Register(() => new F1Score(), "f1_score", "F1Score");
        r.Register(() => new FBetaScore(), "f_beta_score", "FBetaScore");
        r.Register(() => new Mean(), "mean", "Mean");
        r.Register(() => new Sum(), "sum", "Sum");
        r.Register(() => new MeanSquaredError(), "mean_squared_error", "mse", "MSE", "MeanSquaredError");
        r.Register(() => new MeanAbsoluteError(), "mean_absolute_error", "mae", "MAE", "MeanAbsoluteError");
        r.Register(() => new RootMeanSquaredError(), "root_mean_squared_error", "rmse", "RootMeanSquaredError");
        r.Register(() => new CosineSimilarity(), "cosine_similarity", "CosineSimilarity");
        r.Register(() => new LossMetric(new MeanAbsolutePercentageError()), "mean_absolute_percentage_error", "mape", "MAPE", "MeanAbsolutePercentageError");
        r.Register(() => new LossMetric(new MeanSquaredLogarithmicError()), "mean_squared_logarithmic_error", "msle", "MSLE", "MeanSquaredLogarithmicError");
        r.Register(() => new LossMetric(new LogCosh(), "logcosh", "LogCoshError"), "log_cosh_error", "LogCoshError");
        r.Register(() => new LossMetric(new Hinge()), "hinge", "Hinge");
        r.Register(() => new LossMetric(new SquaredHinge()), "squared_hinge", "SquaredHinge");
        r.Register(() => new LossMetric(new CategoricalHinge()), "categorical_hinge", "CategoricalHinge");
        r.Register(() => new LossMetric(new KLDivergence()), "kl_divergence", "KLDivergence");
        r.Register(() => new LossMetric(new Poisson()), "poisson", "Poisson");
        r.Register(() => new LossMetric(new BinaryCrossentropy()), "binary_crossentropy", "bce", "BCE", "BinaryCrossentropy");
        r.Register(() => new LossMetric(new CategoricalCrossentropy()), "categorical_crossentropy", "CategoricalCrossentropy");
        r.Register(() => new LossMetric(new SparseCategoricalCrossentropy()), "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
        return r;
    }

    /// <summary>The metric called <paramref name="name"/>, with its default name.</summary>
    public static Metric Get(string name) => Registry.Get(name);

    /// <summary>True when <paramref name="name"/> names a metric.</summary>
    public static bool Contains(string name) => Registry.Contains(name);

    /// <summary>
    /// Resolves a metric name the way <c>compile</c> does: <c>"accuracy"</c>/<c>"acc"</c> become binary,
    /// sparse-categorical or categorical accuracy depending on the loss and the output size; every
    /// metric keeps the name the user wrote (<c>metrics: ["mse"]</c> logs as <c>mse</c>).
    /// </summary>
    public static Metric Resolve(string name, Loss? loss, long? outputUnits)
    {
        var metric = name is not ("accuracy" or "acc") ? Get(name) : loss?.ClassName switch
        {
            "SparseCategoricalCrossentropy" => Get("sparse_categorical_accuracy"),
            "BinaryCrossentropy" or "BinaryFocalCrossentropy" => Get("binary_accuracy"),
            _ when outputUnits == 1 => Get("binary_accuracy"),
            _ => Get("categorical_accuracy"),
        };
        metric.Name = name;
        return metric;
    }
}
