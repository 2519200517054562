using System.Text.Json.Nodes;
using KerasNet.Saving;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Applies <see cref="Layer"/> to every temporal slice of its input (Keras <c>TimeDistributed</c>): an input of
/// shape <c>(batch, time, …)</c> runs through the wrapped layer as <c>(batch·time, …)</c> in one call, so one set
/// of weights serves every timestep. The wrapped layer runs in the caller's training mode and receives the input's
/// mask <c>(batch, time, …)</c> sliced the same way; as in Keras 3, the mask does not pass on to the output.
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

    /// <summary>False, as in Keras 3: the mask goes into the wrapped layer, not past the wrapper.</summary>
    public override bool SupportsMasking => false;

    /// <inheritdoc />
    public override void Build(Shape inputShape) => Layer.EnsureBuilt(new Shape([null, .. inputShape.Skip(2)]));

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 1)
            throw new KerasNetException($"TimeDistributed '{Name}' takes one input, got {inputs.Count}.");
        var x = inputs[0];
        long batch = x.shape[0], time = x.shape[1];
        IReadOnlyList<Tensor?>? masks = null;
        if (context.Mask(0) is { } mask)
        {
            if (mask.dim() < 2 || mask.shape[0] != batch || mask.shape[1] != time)
                throw new KerasNetException($"TimeDistributed '{Name}': the mask must have the input's batch size and timesteps first " +
                    $"({batch}, {time}, …), got a mask of shape {Shape.Of(mask.shape)} for an input of shape {Shape.Of(x.shape)}.");
            masks = [mask.reshape([batch * time, .. mask.shape.Skip(2)])];
        }
        var output = Layer.ApplyMulti([x.reshape([batch * time, .. x.shape.Skip(2)])], new CallContext(context.Training, masks))[0];
        return [output.reshape([batch, time, .. output.shape.Skip(1)])];
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
