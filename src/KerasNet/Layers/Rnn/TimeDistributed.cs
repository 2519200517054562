using System.Text.Json.Nodes;
using KerasNet.Saving;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Applies <see cref="Layer"/> to every temporal slice of its input (Keras <c>TimeDistributed</c>): an input of
/// shape <c>(batch, time, …)</c> runs through the wrapped layer as <c>(batch·time, …)</c> in one call, so one set
/// of weights serves every timestep.
/// </summary>
public sealed class TimeDistributed : Layer
{
    /// <summary>Wraps <paramref name="layer"/>.</summary>
    public TimeDistributed(Layer layer, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Layer = AddSublayer(layer);
        InputSpec = new InputSpec(MinRank: 3);
    }

    /// <summary>The wrapped layer.</summary>
    public Layer Layer { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape) => Layer.EnsureBuilt(new Shape([null, .. inputShape.Skip(2)]));

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        long batch = inputs.shape[0], time = inputs.shape[1];
        var flat = inputs.reshape([batch * time, .. inputs.shape.Skip(2)]);
        var output = Layer.ApplyMulti([flat], new CallContext(training))[0];
        return output.reshape([batch, time, .. output.shape.Skip(1)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var s = inputShapes[0];
        var inner = Layer.ComputeOutputShape([new Shape([null, .. s.Skip(2)])])[0];
        return [new Shape([s[0], s[1], .. inner.Skip(1)])];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["layer"] = new JsonObject { ["class_name"] = Layer.ClassName, ["config"] = Layer.GetConfig() };
        return c;
    }

    /// <summary>Builds the wrapper and its inner layer from a Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(TimeDistributed));
        var inner = c.Take("layer") as JsonObject
            ?? throw new KerasNetException($"TimeDistributed '{c.Name}': the config has no 'layer' entry.");
        var layer = new TimeDistributed(LayerDeserializer.FromEntry(inner, null), c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
