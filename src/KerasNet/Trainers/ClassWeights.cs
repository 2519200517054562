using static TorchSharp.torch;

namespace KerasNet.Trainers;

/// <summary>Keras's <c>class_weight</c>: per-sample weights looked up from each sample's class.</summary>
internal static class ClassWeights
{
    /// <summary>
    /// Multiplies the weight of each sample's class (the label, or the argmax of one-hot labels) into
    /// <paramref name="sampleWeight"/>; classes not listed keep weight 1, as in Keras.
    /// </summary>
    public static Tensor Apply(IReadOnlyList<Tensor> labels, Tensor? sampleWeight, IReadOnlyDictionary<int, double> classWeight, string caller)
    {
        if (labels.Count != 1) throw new KerasNetException($"{caller}: classWeight is only supported for models with one output.");
        var y = labels[0];
        var classes = y.dim() > 1 && y.shape[^1] > 1 ? y.argmax(-1) : y.reshape(y.shape[0]).to(ScalarType.Int64);
        int maxClass = classWeight.Keys.Max();
        var table = ones(maxClass + 1, dtype: ScalarType.Float32, device: y.device);
        foreach (var (c, w) in classWeight) table[c] = w;
        var weights = table.index_select(0, classes.clamp(0, maxClass));
        return sampleWeight is null ? weights : sampleWeight * weights;
    }
}
