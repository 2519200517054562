using System.Text.Json;

namespace KerasNet.Applications;

/// <summary>
/// The ImageNet class list that <see cref="ImageNetUtils.DecodePredictions"/> names predictions with, read from a JSON
/// file in the format of Keras's <c>imagenet_class_index.json</c>: <c>{"0": ["n01440764", "tench"], …}</c>, class
/// index to WordNet id and description. KerasNet does not download it; Python Keras keeps its copy in the Keras cache
/// folder (see <see cref="FromKerasCache"/>).
/// </summary>
public sealed class ImageNetClassIndex
{
    private readonly (string Id, string Description)[] _classes;

    private ImageNetClassIndex((string, string)[] classes) => _classes = classes;

    /// <summary>Number of classes.</summary>
    public int Count => _classes.Length;

    /// <summary>The WordNet id and description of class <paramref name="index"/>.</summary>
    public (string Id, string Description) this[int index] => _classes[index];

    /// <summary>Reads a class index file.</summary>
    public static ImageNetClassIndex Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"ImageNetClassIndex: no class index file at '{path}'.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads <c>imagenet_class_index.json</c> from the Keras cache folder (<c>$KERAS_HOME/models</c>, else
    /// <c>~/.keras/models</c>), where Python Keras's <c>decode_predictions</c> stores it.
    /// </summary>
    public static ImageNetClassIndex FromKerasCache() => Load(Path.Combine(Building.PretrainedWeights.CacheFolder, "imagenet_class_index.json"));

    /// <summary>Parses class index JSON; <paramref name="source"/> names it in errors.</summary>
    public static ImageNetClassIndex Parse(string json, string source = "the class index JSON")
    {
        Dictionary<string, string[]>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json);
        }
        catch (JsonException e)
        {
            throw new KerasNetException($"ImageNetClassIndex: {source} is not an object of \"index\": [\"wordnet id\", \"description\"] entries: {e.Message}", e);
        }
        if (entries is null || entries.Count == 0) throw new KerasNetException($"ImageNetClassIndex: {source} holds no classes.");
        var classes = new (string, string)[entries.Count];
        var seen = new bool[entries.Count];
        foreach (var (key, value) in entries)
        {
            if (!int.TryParse(key, out int i) || i < 0 || i >= classes.Length || seen[i])
                throw new KerasNetException($"ImageNetClassIndex: {source} must number its {entries.Count} classes 0 to {entries.Count - 1} once each; found key \"{key}\".");
            if (value is not { Length: 2 })
                throw new KerasNetException($"ImageNetClassIndex: class \"{key}\" in {source} must be [\"wordnet id\", \"description\"].");
            classes[i] = (value[0], value[1]);
            seen[i] = true;
        }
        return new ImageNetClassIndex(classes);
    }
}
