namespace KerasNet.Callbacks;

/// <summary>A callback built from functions (Keras <c>LambdaCallback</c>); hooks left null do nothing.</summary>
/// <param name="onEpochBegin">Called with the epoch and logs at the start of each epoch.</param>
/// <param name="onEpochEnd">Called with the epoch and logs at the end of each epoch.</param>
/// <param name="onTrainBegin">Called at the start of training.</param>
/// <param name="onTrainEnd">Called at the end of training.</param>
/// <param name="onTrainBatchBegin">Called with the batch index and logs before each training batch.</param>
/// <param name="onTrainBatchEnd">Called with the batch index and logs after each training batch.</param>
public sealed class LambdaCallback(Action<int, Logs>? onEpochBegin = null, Action<int, Logs>? onEpochEnd = null,
    Action<Logs>? onTrainBegin = null, Action<Logs>? onTrainEnd = null,
    Action<int, Logs>? onTrainBatchBegin = null, Action<int, Logs>? onTrainBatchEnd = null) : Callback
{
    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs) => onEpochBegin?.Invoke(epoch, logs);
    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs) => onEpochEnd?.Invoke(epoch, logs);
    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs) => onTrainBegin?.Invoke(logs);
    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs) => onTrainEnd?.Invoke(logs);
    /// <inheritdoc />
    public override void OnTrainBatchBegin(int batch, Logs logs) => onTrainBatchBegin?.Invoke(batch, logs);
    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs) => onTrainBatchEnd?.Invoke(batch, logs);
}
