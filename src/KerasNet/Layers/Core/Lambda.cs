using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Wraps a function of the input as a layer (Keras <c>Lambda</c>). The function must use differentiable tensor
/// operations to be trained through. A configuration can only refer to a function by name: register it with
/// <see cref="Register"/> (before saving and before loading) and build the layer from that name; an unregistered
/// function makes <see cref="GetConfig"/> fail.
/// </summary>
public sealed class Lambda : Layer
{
    private static readonly ConcurrentDictionary<string, Func<Tensor, Tensor>> Registry = new(StringComparer.Ordinal);
    private readonly Func<Tensor, Tensor?, Tensor?>? _mask;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="function">The computation.</param>
    /// <param name="outputShape">Shape of one output sample (batch excluded); inferred by a dry run when null.</param>
    /// <param name="mask">Computes the output mask from the input and its mask; null drops masks (as Keras).</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Unused (no weights), kept for Keras parity.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public Lambda(Func<Tensor, Tensor> function, Shape? outputShape = null, Func<Tensor, Tensor?, Tensor?>? mask = null,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Function = function;
        OutputShape = outputShape;
        _mask = mask;
        FunctionName = Registry.FirstOrDefault(p => p.Value == function).Key;
    }

    /// <summary>Wraps the function registered as <paramref name="function"/> (see <see cref="Register"/>).</summary>
    public Lambda(string function, Shape? outputShape = null, Func<Tensor, Tensor?, Tensor?>? mask = null,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : this(Lookup(function), outputShape, mask, name, trainable, inputShape) => FunctionName = function;

    /// <summary>The wrapped function.</summary>
    public Func<Tensor, Tensor> Function { get; }

    /// <summary>The registered name of <see cref="Function"/>, or null when it was not registered.</summary>
    public string? FunctionName { get; }

    /// <summary>Shape of one output sample (batch excluded), when given.</summary>
    public Shape? OutputShape { get; }

    /// <summary>Makes <paramref name="function"/> available to configs under <paramref name="name"/> (replacing any previous one).</summary>
    public static void Register(string name, Func<Tensor, Tensor> function)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new KerasNetException("Lambda.Register: the name must not be empty.");
        Registry[name] = function;
    }

    private static Func<Tensor, Tensor> Lookup(string name) => Registry.TryGetValue(name, out var f) ? f
        : throw new KerasNetException($"Lambda: no function is registered as '{name}'. Registered: [{string.Join(", ", Registry.Keys.Order())}]. Call Lambda.Register(\"{name}\", fn) first.");

    /// <inheritdoc />
    public override bool SupportsMasking => _mask is not null;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => Function(inputs);

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) =>
        _mask is { } m ? [m(inputs[0], masks is { Count: > 0 } ? masks[0] : null)] : null;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        OutputShape is { } s ? [s.WithBatch(inputShapes[0][0])] : base.ComputeOutputShape(inputShapes);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        if (FunctionName is null)
            throw new KerasNetException($"Lambda '{Name}' cannot be serialized: its function is not registered. Use Lambda.Register(name, fn) and create the layer with new Lambda(name).");
        if (_mask is not null)
            throw new KerasNetException($"Lambda '{Name}' cannot be serialized: its mask function has no config form.");
        var c = base.GetConfig();
        c["function"] = new JsonObject { ["class_name"] = "function", ["config"] = FunctionName, ["registered_name"] = FunctionName };
        if (OutputShape is { } s) c["output_shape"] = ShapeToJson(s);
        c["arguments"] = new JsonObject();
        return c;
    }

    /// <summary>
    /// Builds the layer from its Keras config. The function must be registered under the name the config gives
    /// (Keras 3 <c>{"class_name": "function", "config": name}</c> or Keras 2's plain name); Python lambdas (bytecode)
    /// cannot run and throw <see cref="NotSupportedException"/>.
    /// </summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(Lambda));
        var function = c.Take("function");
        string functionName = function switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o when o["class_name"]?.ToString() == "__lambda__" => throw PythonLambda(config),
            JsonObject o when (o["registered_name"] ?? o["config"]) is JsonValue n && n.TryGetValue<string>(out var s) => s,
            _ => throw PythonLambda(config),
        };
        if (c.NullableString("function_type") is not (null or "function"))
            throw PythonLambda(config);
        c.Take("module");
        c.Take("output_shape_module");
        if (c.NullableString("output_shape_type") is not (null or "raw"))
            throw new NotSupportedException($"Lambda config '{config["name"]}': an output_shape given as a function is not supported; give the shape.");
        Shape? outputShape = c.Take("output_shape") switch
        {
            null => null,
            JsonArray dims when dims.All(d => d is null || d is JsonValue) => new Shape(dims.Select(d => d is null ? null : (long?)d.GetValue<long>())),
            var other => throw new NotSupportedException($"Lambda config '{config["name"]}': output_shape {other.ToJsonString()} is not supported; give a list of dimensions."),
        };
        if (c.Take("arguments") is JsonObject { Count: > 0 } args)
            throw new NotSupportedException($"Lambda config '{config["name"]}': arguments {args.ToJsonString()} are not supported; capture them in the registered function.");
        if (c.Take("mask") is { } mask)
            throw new NotSupportedException($"Lambda config '{config["name"]}': mask {mask.ToJsonString()} is not supported.");
        var layer = new Lambda(functionName, outputShape, null, c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }

    private static NotSupportedException PythonLambda(JsonObject config) =>
        new($"Lambda config '{config["name"]}': the function is Python code, which cannot run in .NET. Register a C# function with Lambda.Register(name, fn) and refer to it by name.");
}
