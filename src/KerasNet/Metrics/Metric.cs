using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// A stateful Keras metric: <see cref="UpdateState"/> accumulates on the engine (no host sync),
/// <see cref="Result"/> gives the current value, <see cref="ResetState"/> starts over.
/// </summary>
public abstract class Metric : IDisposable
{
    private readonly List<Tensor> _states = [];

    /// <summary>Creates a metric with its Keras name.</summary>
    protected Metric(string name) => Name = name;

    /// <summary>The name shown in logs and History (e.g. <c>accuracy</c>).</summary>
    public string Name { get; internal set; }

    /// <summary>The Keras class name.</summary>
    public abstract string ClassName { get; }

    /// <summary>Accumulates one batch.</summary>
    public abstract void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null);

    /// <summary>The current value as a new tensor on the engine (the caller owns it).</summary>
    public abstract Tensor Result();

    /// <summary>Resets every state variable to zero.</summary>
    public virtual void ResetState()
    {
        using (no_grad())
            foreach (var s in _states) s.zero_();
    }

    /// <summary>Creates a zero-filled state tensor that <see cref="ResetState"/> clears.</summary>
    protected Tensor AddState(params long[] shape)
    {
        var t = zeros(shape, dtype: ScalarType.Float32, device: Engine.Device);
        t.DetachFromDisposeScope();
        _states.Add(t);
        return t;
    }

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new() { ["name"] = Name, ["dtype"] = "float32" };

    /// <summary>Looks up a metric by Keras name.</summary>
    public static implicit operator Metric(string name) => Metrics.Get(name);

    /// <summary>Releases the state tensors.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the state tensors; metrics holding other native tensors release them too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        foreach (var s in _states) s.Dispose();
        _states.Clear();
    }
}
