using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasNet.Layers;

public abstract partial class Layer
{
    /// <summary>
    /// The shapes the layer was built for, as Keras 3 writes them next to its config (Keras <c>get_build_config</c>):
    /// <c>{"input_shape": [null, 3]}</c>, or a list of shapes for a layer with several inputs; null while unbuilt.
    /// Override it, with <see cref="BuildFromConfig"/>, when the build also needs the shapes of named tensor arguments.
    /// </summary>
    public virtual JsonObject? GetBuildConfig() => BuiltInputShapes is { } shapes
        ? new JsonObject { ["input_shape"] = shapes.Count == 1 ? ShapeToJson(shapes[0]) : new JsonArray([.. shapes.Select(s => (JsonNode)ShapeToJson(s))]) }
        : null;

    /// <summary>
    /// Builds the layer from a Keras 3 <c>build_config</c> (Keras <c>build_from_config</c>): <c>{"input_shape": shape}</c>
    /// (a list of shapes for several inputs; null builds nothing), or <c>{"shapes_dict": {"query_shape": …, "value_shape": …}}</c>,
    /// whose entries are matched by name to <see cref="CallArgumentNames"/>: the first gives the inputs, the others the
    /// shapes of named tensor arguments (see <see cref="Build(IReadOnlyList{Shape}, IReadOnlyDictionary{string, object?})"/>).
    /// </summary>
    /// <exception cref="KerasNetException">The config names an argument the layer's call does not have, or holds no shape.</exception>
    public virtual void BuildFromConfig(JsonObject buildConfig)
    {
        if (buildConfig["input_shape"] is { } inputShape)
        {
            CheckAndBuild(Shapes(inputShape, "input_shape"), NoArguments);
            return;
        }
        if (buildConfig["shapes_dict"] is not JsonObject shapesDict) return;
        IReadOnlyList<Shape>? inputs = null;
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in shapesDict)
        {
            var name = key.EndsWith("_shape", StringComparison.Ordinal) ? key[..^"_shape".Length] : "";
            if (!CallArgumentNames.Contains(name))
                throw new KerasNetException($"Layer '{Name}' ({ClassName}): build_config shape '{key}' names no argument of its call ({string.Join(", ", CallArgumentNames)}).");
            if (value is null) continue;
            var shapes = Shapes(value, key);
            if (name == CallArgumentNames[0]) inputs = shapes;
            else arguments[name] = value is JsonArray { Count: > 0 } a && a.All(d => d is JsonArray) ? shapes.ToArray() : shapes[0];
        }
        CheckAndBuild(inputs ?? throw new KerasNetException($"Layer '{Name}' ({ClassName}): build_config has no '{CallArgumentNames[0]}_shape'."), arguments);
    }

    /// <summary>A Keras shape (<c>[null, 3]</c>) as one shape, or a list of shapes (<c>[[null, 3], [null, 4]]</c>) as several.</summary>
    private List<Shape> Shapes(JsonNode node, string key)
    {
        Shape One(JsonNode? shape) => shape is JsonArray dims && dims.All(d => d is null || d.GetValueKind() == JsonValueKind.Number)
            ? new Shape(dims.Select(d => d?.GetValue<long>()))
            : throw new KerasNetException($"Layer '{Name}' ({ClassName}): build_config '{key}' must be a shape like [null, 3] or a list of them, got {node.ToJsonString()}.");
        return node is JsonArray { Count: > 0 } list && list.All(d => d is JsonArray) ? [.. list.Select(One)] : [One(node)];
    }
}
