using KerasNet.Models;

namespace KerasNet.Callbacks;

/// <summary>
/// Hooks into <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> (Keras <c>keras.callbacks.Callback</c>). Override the
/// methods you need; <see cref="Model"/> is set before training starts.
/// </summary>
public abstract class Callback
{
    /// <summary>The model being trained.</summary>
    public Model Model { get; internal set; } = null!;

    /// <summary>The <c>Fit</c> parameters: <c>epochs</c>, <c>steps</c>, <c>verbose</c>.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; internal set; } = new Dictionary<string, object?>();

    /// <summary>Start of <c>Fit</c>.</summary>
    public virtual void OnTrainBegin(Logs logs) { }
    /// <summary>End of <c>Fit</c>.</summary>
    public virtual void OnTrainEnd(Logs logs) { }
    /// <summary>Start of an epoch (0-based).</summary>
    public virtual void OnEpochBegin(int epoch, Logs logs) { }
    /// <summary>End of an epoch, with training and validation results.</summary>
    public virtual void OnEpochEnd(int epoch, Logs logs) { }
    /// <summary>Start of a training batch.</summary>
    public virtual void OnTrainBatchBegin(int batch, Logs logs) { }
    /// <summary>End of a training batch, with the running results of the epoch.</summary>
    public virtual void OnTrainBatchEnd(int batch, Logs logs) { }
    /// <summary>Start of <c>Evaluate</c> (also validation inside <c>Fit</c>).</summary>
    public virtual void OnTestBegin(Logs logs) { }
    /// <summary>End of <c>Evaluate</c>.</summary>
    public virtual void OnTestEnd(Logs logs) { }
    /// <summary>Start of an evaluation batch.</summary>
    public virtual void OnTestBatchBegin(int batch, Logs logs) { }
    /// <summary>End of an evaluation batch.</summary>
    public virtual void OnTestBatchEnd(int batch, Logs logs) { }
    /// <summary>Start of <c>Predict</c>.</summary>
    public virtual void OnPredictBegin(Logs logs) { }
    /// <summary>End of <c>Predict</c>.</summary>
    public virtual void OnPredictEnd(Logs logs) { }
    /// <summary>Start of a prediction batch.</summary>
    public virtual void OnPredictBatchBegin(int batch, Logs logs) { }
    /// <summary>End of a prediction batch.</summary>
    public virtual void OnPredictBatchEnd(int batch, Logs logs) { }
}
