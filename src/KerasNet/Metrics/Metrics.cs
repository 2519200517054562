using KerasNet.Losses;
using KerasNet.Saving;

namespace KerasNet.Metrics;

/// <summary>Lookup of Keras metrics by name, including Keras's resolution of <c>"accuracy"</c>.</summary>
public static class Metrics
{
    private static readonly KerasRegistry<Metric> Registry = Build();

    private static KerasRegistry<Metric> Build()
    {
        var r = new KerasRegistry<Metric>("metric");
        r.Register(() => new CategoricalAccuracy(), "categorical_accuracy", "CategoricalAccuracy");
        return r;
    }

    /// <summary>The metric called <paramref name="name"/>.</summary>
    public static Metric Get(string name) => Registry.Get(name);

    /// <summary>
    /// Resolves a metric name the way <c>compile</c> does: <c>"accuracy"</c>/<c>"acc"</c> become binary,
    /// sparse-categorical or categorical accuracy depending on the loss and the output size, and keep
    /// the name the user wrote.
    /// </summary>
    public static Metric Resolve(string name, Loss? loss, long? outputUnits)
    {
        if (name is not ("accuracy" or "acc")) return Get(name);
        var metric = loss?.ClassName switch
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
