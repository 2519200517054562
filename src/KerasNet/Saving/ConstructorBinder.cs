using System.Reflection;
using System.Text.Json.Nodes;

namespace KerasNet.Saving;

/// <summary>
/// Creates an object from Keras config entries by matching each key (snake_case) to a public constructor
/// parameter of the same name (camelCase) and converting the value to the parameter's type. A key that matches
/// no parameter fails with <see cref="NotSupportedException"/> unless the caller declares it harmless.
/// </summary>
internal static class ConstructorBinder
{
    /// <summary>Key or parameter name in the form where <c>kernel_size</c> and <c>kernelSize</c> coincide.</summary>
    public static string Normalize(string name) => name.Replace("_", "").ToLowerInvariant();

    /// <summary>True when some public constructor of <paramref name="type"/> has a parameter for <paramref name="key"/>.</summary>
    public static bool HasParameter(Type type, string key) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => Normalize(p.Name!) == Normalize(key)));

    /// <summary>
    /// Builds <paramref name="type"/> from <paramref name="arguments"/>. Among the public constructors, the one that
    /// takes every (non-harmless) key and gets all its required parameters wins; ties go to the one using the most keys.
    /// </summary>
    /// <param name="type">The type to create.</param>
    /// <param name="arguments">Config keys and values.</param>
    /// <param name="owner">Names the object in errors, e.g. <c>Layer 'dense_1' (Dense)</c>.</param>
    /// <param name="isHarmless">Keys that may be dropped when no parameter takes them (null: none may).</param>
    /// <param name="kerasVersion">The Keras version that wrote the config, for nested layers.</param>
    public static object Create(Type type, IReadOnlyList<KeyValuePair<string, JsonNode?>> arguments, string owner,
        Func<string, JsonNode?, bool>? isHarmless, string? kerasVersion = null)
    {
        var constructors = type.GetConstructors();
        if (constructors.Length == 0)
            throw new NotSupportedException($"{owner}: {type.Name} has no public constructor to build it from a config.");
        var candidates = constructors.Select(c => Match(c, arguments, isHarmless)).ToList();
        var best = candidates.Where(m => m.Unmapped.Count == 0 && m.Missing.Count == 0)
            .OrderByDescending(m => m.Used.Count).ThenByDescending(m => m.Parameters.Length).FirstOrDefault();
        if (best is null)
        {
            var closest = candidates.OrderBy(m => m.Unmapped.Count + m.Missing.Count).ThenByDescending(m => m.Parameters.Length).First();
            if (closest.Unmapped.Count > 0)
            {
                var (key, value) = closest.Unmapped[0];
                throw new NotSupportedException($"{owner}: config key '{key}' = {ConfigValueConverter.Text(value)} is not supported by KerasNet's {type.Name}.");
            }
            throw new KerasNetException($"{owner}: the config lacks the required key '{Snake(closest.Missing[0].Name!)}'.");
        }

        var values = best.Parameters.Select(p => best.Used.TryGetValue(p, out var entry)
            ? ConfigValueConverter.Convert(entry.Value, p.ParameterType, owner, entry.Key, kerasVersion)
            : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        return LayerDeserializer.Invoke(() => best.Constructor.Invoke(values))!;
    }

    private sealed record Matching(ConstructorInfo Constructor, ParameterInfo[] Parameters,
        Dictionary<ParameterInfo, KeyValuePair<string, JsonNode?>> Used, List<KeyValuePair<string, JsonNode?>> Unmapped, List<ParameterInfo> Missing);

    private static Matching Match(ConstructorInfo constructor, IReadOnlyList<KeyValuePair<string, JsonNode?>> arguments, Func<string, JsonNode?, bool>? isHarmless)
    {
        var parameters = constructor.GetParameters();
        var byName = parameters.ToDictionary(p => Normalize(p.Name!));
        var used = new Dictionary<ParameterInfo, KeyValuePair<string, JsonNode?>>();
        var unmapped = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var argument in arguments)
        {
            if (byName.TryGetValue(Normalize(argument.Key), out var p)) used[p] = argument;
            else if (isHarmless is null || !isHarmless(argument.Key, argument.Value)) unmapped.Add(argument);
        }
        var missing = parameters.Where(p => !p.IsOptional && !used.ContainsKey(p)).ToList();
        return new Matching(constructor, parameters, used, unmapped, missing);
    }

    private static string Snake(string camel) => Layers.LayerNames.ToSnakeCase(camel);
}
