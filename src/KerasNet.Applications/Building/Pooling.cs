using KerasNet.Activations;
using KerasNet.Layers;

namespace KerasNet.Applications.Building;

/// <summary>The <c>pooling</c> argument of the applications: what follows the last block when there is no classifier top.</summary>
internal static class Pooling
{
    /// <summary>Checks <paramref name="pooling"/> is <c>null</c>, <c>"avg"</c> or <c>"max"</c>.</summary>
    public static void Validate(string model, string? pooling)
    {
        if (pooling is not (null or "avg" or "max"))
            throw new KerasNetException($"{model}: pooling must be null (4-D feature maps), \"avg\" or \"max\"; got \"{pooling}\".");
    }

    /// <summary>
    /// Global average or max pooling as <paramref name="pooling"/> asks (unchanged for <c>null</c>); the layers are named
    /// <c>avg_pool</c>/<c>max_pool</c> when <paramref name="named"/>, as some Keras applications name them.
    /// </summary>
    public static KerasTensor Apply(KerasTensor x, string? pooling, bool named) => pooling switch
    {
        "avg" => new GlobalAveragePooling2D(name: named ? "avg_pool" : null).Apply(x),
        "max" => new GlobalMaxPooling2D(name: named ? "max_pool" : null).Apply(x),
        _ => x,
    };

    /// <summary>
    /// The end most applications share: with the top, global average pooling <c>avg_pool</c> and the dense classifier
    /// <c>predictions</c>; without it, <see cref="Apply"/>.
    /// </summary>
    public static KerasTensor TopOrPooling(KerasTensor x, bool includeTop, int classes, ActivationFunction? activation, string? pooling, bool namedPooling)
    {
        if (!includeTop) return Apply(x, pooling, namedPooling);
        x = new GlobalAveragePooling2D(name: "avg_pool").Apply(x);
        return new Dense(classes, activation: activation, name: "predictions").Apply(x);
    }
}
