using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Regularizers;

namespace KerasNet.Saving;

/// <summary>
/// Converts one value of a Keras config to the type of the constructor parameter it fills: numbers, booleans,
/// strings, enums, shapes, tuples and lists (a single number where a tuple is expected is repeated, as Keras does),
/// activations, initializers, regularizers, constraints, nested layers, and any type with an implicit conversion
/// from one of those.
/// </summary>
internal static class ConfigValueConverter
{
    /// <summary>The value of <paramref name="node"/> as <paramref name="type"/>; errors name <paramref name="owner"/> and <paramref name="key"/>.</summary>
    public static object? Convert(JsonNode? node, Type type, string owner, string key, string? kerasVersion)
    {
        if (type == typeof(JsonNode) || type == typeof(JsonObject) || type == typeof(JsonArray))
            return node?.DeepClone();
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null)
            return !type.IsValueType || underlying is not null ? null : throw Invalid(owner, key, node, $"a {type.Name}");
        type = underlying ?? type;

        if (type == typeof(string)) return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw Invalid(owner, key, node, "a string");
        if (type == typeof(bool))
            return node.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(owner, key, node, "true or false"),
            };
        if (type == typeof(int))
            return Integer(node, owner, key) is var n and >= int.MinValue and <= int.MaxValue ? (int)n : throw Invalid(owner, key, node, "a 32-bit integer");
        if (type == typeof(long)) return Integer(node, owner, key);
        if (type == typeof(double)) return Number(node, owner, key);
        if (type == typeof(float)) return (float)Number(node, owner, key);
        if (type.IsEnum) return EnumValue(node, type, owner, key);
        if (type == typeof(Shape)) return ShapeValue(node, owner, key);
        if (type == typeof(ActivationFunction)) return KerasObjects.Activation(node, owner, key, kerasVersion);
        if (typeof(Initializer).IsAssignableFrom(type)) return Checked(KerasObjects.Initializer(node, owner, key), type, owner, key, node);
        if (typeof(Regularizer).IsAssignableFrom(type)) return Checked(KerasObjects.Regularizer(node, owner, key), type, owner, key, node);
        if (typeof(Constraint).IsAssignableFrom(type)) return Checked(KerasObjects.Constraint(node, owner, key), type, owner, key, node);
        if (typeof(Layer).IsAssignableFrom(type)) return Checked(NestedLayer(node, owner, key, kerasVersion), type, owner, key, node);
        if (type.IsArray) return ArrayValue(node, type.GetElementType()!, owner, key, kerasVersion);
        if (ListElementType(type) is { } element) return ListValue(node, type, element, owner, key, kerasVersion);
        if (IsValueTuple(type)) return TupleValue(node, type, owner, key, kerasVersion);
        if (ImplicitConversion(node, type, owner, key, kerasVersion, out var converted)) return converted;
        throw new NotSupportedException($"{owner}: cannot read config key '{key}' = {Text(node)} into a {type.Name}.");
    }

    /// <summary>A JSON value as Keras would print it in an error message.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static KerasNetException Invalid(string owner, string key, JsonNode? node, string expected) =>
        new($"{owner}: config key '{key}' must be {expected}, got {Text(node)}.");

    private static long Integer(JsonNode node, string owner, string key)
    {
        if (node.GetValueKind() == JsonValueKind.Number)
        {
            var text = node.ToJsonString();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
            double d = double.Parse(text, CultureInfo.InvariantCulture);
            if (d == Math.Floor(d) && Math.Abs(d) < long.MaxValue) return (long)d;
        }
        throw Invalid(owner, key, node, "an integer");
    }

    private static double Number(JsonNode node, string owner, string key) =>
        node.GetValueKind() == JsonValueKind.Number
            ? double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture)
            : throw Invalid(owner, key, node, "a number");

    private static object EnumValue(JsonNode node, Type type, string owner, string key)
    {
        if (node.GetValueKind() == JsonValueKind.String)
        {
            var wanted = ConstructorBinder.Normalize(node.GetValue<string>());
            foreach (var name in Enum.GetNames(type))
                if (ConstructorBinder.Normalize(name) == wanted) return Enum.Parse(type, name);
        }
        throw Invalid(owner, key, node, "one of " + string.Join(", ", Enum.GetNames(type).Select(LayerNames.ToSnakeCase)));
    }

    private static Shape ShapeValue(JsonNode node, string owner, string key)
    {
        if (node is JsonArray items)
            return new Shape(items.Select(d => d is null ? null : (long?)Integer(d, owner, key)));
        return Shape.Of(Integer(node, owner, key));
    }

    private static Layer NestedLayer(JsonNode node, string owner, string key, string? kerasVersion)
    {
        if (node is not JsonObject entry || entry["class_name"]?.GetValueKind() != JsonValueKind.String)
            throw Invalid(owner, key, node, "a serialized layer ({\"class_name\": …, \"config\": {…}})");
        return LayerDeserializer.FromEntry(entry, kerasVersion);
    }

    private static object Checked(object value, Type type, string owner, string key, JsonNode node) =>
        type.IsInstanceOfType(value) ? value : throw Invalid(owner, key, node, $"a {type.Name} (it describes a {value.GetType().Name})");

    private static Array ArrayValue(JsonNode node, Type element, string owner, string key, string? kerasVersion)
    {
        var items = node is JsonArray list ? list.ToList() : [node];
        var array = Array.CreateInstance(element, items.Count);
        for (int i = 0; i < items.Count; i++) array.SetValue(Convert(items[i], element, owner, key, kerasVersion), i);
        return array;
    }

    private static Type? ListElementType(Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object ListValue(JsonNode node, Type type, Type element, string owner, string key, string? kerasVersion)
    {
        var array = ArrayValue(node, element, owner, key, kerasVersion);
        return type.IsAssignableFrom(array.GetType()) ? array : Activator.CreateInstance(type, array)!;
    }

    private static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    private static object TupleValue(JsonNode node, Type type, string owner, string key, string? kerasVersion)
    {
        var elements = type.GetGenericArguments();
        JsonNode?[] items = node is JsonArray list ? [.. list] : [.. Enumerable.Repeat(node, elements.Length)];
        if (items.Length != elements.Length)
            throw Invalid(owner, key, node, $"a number or a list of {elements.Length} values");
        var values = items.Select((item, i) => Convert(item, elements[i], owner, key, kerasVersion)).ToArray();
        return Activator.CreateInstance(type, values)!;
    }

    /// <summary>Uses the target type's implicit conversion from the CLR type that matches the JSON value's kind.</summary>
    private static bool ImplicitConversion(JsonNode node, Type type, string owner, string key, string? kerasVersion, out object? result)
    {
        Type[] sources = node.GetValueKind() switch
        {
            JsonValueKind.String => [typeof(string)],
            JsonValueKind.Number => [typeof(int), typeof(long), typeof(double)],
            JsonValueKind.True or JsonValueKind.False => [typeof(bool)],
            JsonValueKind.Array => [typeof(int[]), typeof(long[]), typeof(double[]), typeof(string[])],
            _ => [],
        };
        var operators = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "op_Implicit" && m.ReturnType == type && m.GetParameters().Length == 1)
            .ToList();
        foreach (var source in sources)
        {
            var op = operators.FirstOrDefault(m => m.GetParameters()[0].ParameterType == source);
            if (op is null) continue;
            object? value;
            try
            {
                value = Convert(node, source, owner, key, kerasVersion);
            }
            catch (KerasNetException)
            {
                continue; // e.g. 2.5 does not fit the int conversion; the double one may follow
            }
            result = LayerDeserializer.Invoke(() => op.Invoke(null, [value]));
            return true;
        }
        result = null;
        return false;
    }
}
