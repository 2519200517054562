using static TorchSharp.torch;

namespace KerasNet.Trainers;

/// <summary>
/// Inputs, labels or sample weights for <c>Fit</c>/<c>Evaluate</c>/<c>Predict</c>: one array or tensor, several
/// (one per model input/output, in order), or several by name. Converts implicitly from a TorchSharp
/// <see cref="Tensor"/>, any .NET array (<c>float[,]</c>, <c>byte[,,]</c>, <c>int[]</c>…), an array of
/// tensors, and dictionaries of either.
/// </summary>
public sealed class ModelData
{
    private ModelData(IReadOnlyList<Tensor> tensors, IReadOnlyList<string>? names)
    {
        Tensors = tensors;
        Names = names;
    }

    /// <summary>The tensors, in order.</summary>
    public IReadOnlyList<Tensor> Tensors { get; }

    /// <summary>The names when given as a dictionary (matched to input or output names).</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>Number of samples (the leading dimension, equal across tensors).</summary>
    public long Count => Tensors[0].shape.Length == 0 ? 1 : Tensors[0].shape[0];

    /// <summary>Several arrays or tensors, one per model input or output.</summary>
    public static ModelData Of(params object[] items) => new(items.Select(ToTensor).ToList(), null);

    /// <summary>Wraps tensors (not copied).</summary>
    public static ModelData FromTensors(IReadOnlyList<Tensor> tensors, IReadOnlyList<string>? names = null) => new(tensors, names);

    /// <summary>One tensor.</summary>
    public static implicit operator ModelData(Tensor tensor) => new([tensor], null);

    /// <summary>One .NET array, or an array of tensors (one per input/output).</summary>
    public static implicit operator ModelData(Array array) =>
        array is Tensor[] tensors ? new(tensors, null) : new([ToTensor(array)], null);

    /// <summary>Tensors by input/output name.</summary>
    public static implicit operator ModelData(Dictionary<string, Tensor> byName) => new(byName.Values.ToList(), byName.Keys.ToList());

    /// <summary>Arrays by input/output name.</summary>
    public static implicit operator ModelData(Dictionary<string, Array> byName) =>
        new(byName.Values.Select(ToTensor).ToList(), byName.Keys.ToList());

    private static Tensor ToTensor(object item) => item switch
    {
        Tensor t => t,
        double[] or double[,] or double[,,] or double[,,,] or double[,,,,] => from_array((Array)item).to(ScalarType.Float32),
        Array a => from_array(a),
        _ => throw new KerasNetException($"Cannot use a {item.GetType().Name} as model data; pass a Tensor or a .NET array."),
    };

    /// <summary>Orders named data like <paramref name="expectedNames"/>, or checks the count of unnamed data.</summary>
    internal IReadOnlyList<Tensor> Arrange(IReadOnlyList<string> expectedNames, string what)
    {
        if (Names is null)
        {
            if (Tensors.Count != expectedNames.Count)
                throw new KerasNetException($"The model expects {expectedNames.Count} {what} ({string.Join(", ", expectedNames)}) but received {Tensors.Count} arrays.");
            return Tensors;
        }
        var byName = Names.Zip(Tensors).ToDictionary(p => p.First, p => p.Second);
        var unknown = Names.Except(expectedNames).ToList();
        if (unknown.Count > 0)
            throw new KerasNetException($"Unknown {what} name(s) {string.Join(", ", unknown)}; the model's {what} are {string.Join(", ", expectedNames)}.");
        return expectedNames.Select(n => byName.TryGetValue(n, out var t) ? t
            : throw new KerasNetException($"No data given for {what} '{n}'.")).ToList();
    }
}
