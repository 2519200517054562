using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet;

/// <summary>
/// A named weight of a layer or an optimizer (Keras's <c>Variable</c>): its value lives in the native
/// engine, laid out as Keras lays it out (e.g. a Dense kernel is <c>(input_dim, units)</c>).
/// </summary>
public sealed class KerasVariable : IDisposable
{
    private Tensor _value;

    /// <summary>Creates a variable holding <paramref name="value"/> (taken over, not copied).</summary>
    public KerasVariable(string name, Tensor value, bool trainable = true, string? path = null)
    {
        Name = name;
        Path = path ?? name;
        Trainable = trainable;
        _value = (value.requires_grad ? value.detach() : value).requires_grad_(trainable);
        _value.DetachFromDisposeScope(); // a variable outlives any step's dispose scope
    }

    /// <summary>Short name, e.g. <c>kernel</c>.</summary>
    public string Name { get; }

    /// <summary>Full path, e.g. <c>dense/kernel</c>.</summary>
    public string Path { get; internal set; }

    /// <summary>Whether the optimizer updates this variable (gradients are tracked only then).</summary>
    public bool Trainable { get; private set; }

    /// <summary>The native tensor. Layers read it in <c>Call</c>; never dispose it yourself.</summary>
    public Tensor Value => _value;

    /// <summary>The shape of the value.</summary>
    public Shape Shape => Shape.Of(_value.shape);

    /// <summary>The element type.</summary>
    public ScalarType DType => _value.dtype;

    /// <summary>Turns gradient tracking on or off (a frozen layer's variables stop tracking).</summary>
    internal void SetTrainable(bool trainable)
    {
        Trainable = trainable;
        _value.requires_grad_(trainable);
    }

    /// <summary>Copies <paramref name="value"/> into this variable, checking its shape.</summary>
    public void Assign(Tensor value)
    {
        if (!value.shape.SequenceEqual(_value.shape))
            throw new KerasNetException($"Cannot assign a value of shape {Shape.Of(value.shape)} to variable '{Path}' of shape {Shape}.");
        using (no_grad())
            _value.copy_(value);
    }

    /// <summary>Copies a flat, row-major array into this variable.</summary>
    public void Assign(float[] values)
    {
        if (values.LongLength != _value.numel())
            throw new KerasNetException($"Variable '{Path}' of shape {Shape} needs {_value.numel()} values, got {values.Length}.");
        using var t = tensor(values, _value.shape, dtype: _value.dtype);
        Assign(t);
    }

    /// <summary>A detached copy of the value on the CPU.</summary>
    public Tensor Numpy() => _value.detach().cpu().clone();

    /// <summary>The value as a flat row-major float array.</summary>
    public float[] ToArray()
    {
        using var c = _value.detach().cpu().to(ScalarType.Float32).contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>Moves the value to another device, keeping it a leaf.</summary>
    internal void MoveTo(Device device)
    {
        if (_value.device == device) return;
        var moved = _value.detach().to(device).requires_grad_(Trainable);
        moved.DetachFromDisposeScope();
        _value.Dispose();
        _value = moved;
    }

    /// <summary>Releases the native memory.</summary>
    public void Dispose() => _value.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"<KerasVariable path={Path}, shape={Shape}, dtype={DType}>";
}
