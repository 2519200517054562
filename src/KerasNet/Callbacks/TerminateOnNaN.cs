namespace KerasNet.Callbacks;

/// <summary>
/// Stops training when the loss becomes NaN or infinite (Keras <c>TerminateOnNaN</c>), checked after every batch.
/// <c>Fit</c> adds a check at each epoch's end that raises an error when the caller passes no TerminateOnNaN.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    private readonly bool _raiseError;
    private readonly bool _atEpochEnd;

    /// <summary>Creates the callback.</summary>
    /// <param name="raiseError">Throw instead of stopping training quietly.</param>
    public TerminateOnNaN(bool raiseError = false) : this(raiseError, atEpochEnd: false) { }

    private TerminateOnNaN(bool raiseError, bool atEpochEnd)
    {
        _raiseError = raiseError;
        _atEpochEnd = atEpochEnd;
    }

    /// <summary>The check <c>Fit</c> runs by default: the epoch's loss, raising an error.</summary>
    internal static TerminateOnNaN EpochCheck() => new(raiseError: true, atEpochEnd: true);

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        if (_atEpochEnd || !logs.TryGetValue("loss", out var loss) || double.IsFinite(loss)) return;
        if (_raiseError)
            throw new KerasNetException($"Model '{Model.Name}': NaN or Inf loss encountered at batch {batch}. Training terminated.");
        Console.WriteLine($"Batch {batch}: Invalid loss, terminating training");
        Model.StopTraining = true;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (_atEpochEnd && logs.TryGetValue("loss", out var loss) && !double.IsFinite(loss))
            throw new KerasNetException($"Model '{Model.Name}': the loss became {loss} during epoch {epoch + 1}. Lower the learning rate, add clipnorm, or check the data for NaN/inf values.");
    }
}
