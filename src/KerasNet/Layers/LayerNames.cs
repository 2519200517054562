using System.Text.RegularExpressions;

namespace KerasNet.Layers;

/// <summary>Keras's default layer names: snake_case of the class, made unique per session (<c>dense</c>, <c>dense_1</c>…).</summary>
public static class LayerNames
{
    private static readonly Dictionary<string, int> Counts = [];
    private static readonly object Gate = new();

    /// <summary>The next free name for <paramref name="baseName"/>.</summary>
    public static string Unique(string baseName)
    {
        lock (Gate)
        {
            Counts.TryGetValue(baseName, out int n);
            Counts[baseName] = n + 1;
            return n == 0 ? baseName : $"{baseName}_{n}";
        }
    }

    /// <summary>Forgets every name handed out (Keras's <c>clear_session</c>).</summary>
    public static void Reset()
    {
        lock (Gate) Counts.Clear();
    }

    /// <summary>Keras's <c>to_snake_case</c>: <c>Conv2D</c> → <c>conv2d</c>, <c>ReLU</c> → <c>re_lu</c>, <c>PReLU</c> → <c>p_re_lu</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var s = Regex.Replace(name, @"\W+", "");
        s = Regex.Replace(s, "(.)([A-Z][a-z]+)", "$1_$2");
        return Regex.Replace(s, "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
    }
}
