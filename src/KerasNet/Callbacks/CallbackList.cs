using KerasNet.Models;

namespace KerasNet.Callbacks;

/// <summary>Dispatches events to the user's callbacks, History and the progress logger.</summary>
internal sealed class CallbackList
{
    private readonly List<Callback> _callbacks;

    public CallbackList(Model model, IEnumerable<Callback>? callbacks, History? history, int verbose, IReadOnlyDictionary<string, object?> parameters)
    {
        _callbacks = [.. callbacks ?? []];
        if (verbose > 0) _callbacks.Insert(0, new ProgbarLogger(verbose));
        // Fit stops on a non-finite epoch loss unless the caller chose their own TerminateOnNaN.
        if (history is not null && !_callbacks.OfType<TerminateOnNaN>().Any()) _callbacks.Insert(0, TerminateOnNaN.EpochCheck());
        if (history is not null) _callbacks.Add(history);
        foreach (var c in _callbacks)
        {
            c.Model = model;
            c.Params = parameters;
        }
    }

    public void OnTrainBegin(Logs l) => _callbacks.ForEach(c => c.OnTrainBegin(l));
    public void OnTrainEnd(Logs l) => _callbacks.ForEach(c => c.OnTrainEnd(l));
    public void OnEpochBegin(int e, Logs l) => _callbacks.ForEach(c => c.OnEpochBegin(e, l));
    public void OnEpochEnd(int e, Logs l) => _callbacks.ForEach(c => c.OnEpochEnd(e, l));
    public void OnTrainBatchBegin(int b, Logs l) => _callbacks.ForEach(c => c.OnTrainBatchBegin(b, l));
    public void OnTrainBatchEnd(int b, Logs l) => _callbacks.ForEach(c => c.OnTrainBatchEnd(b, l));
    public void OnTestBegin(Logs l) => _callbacks.ForEach(c => c.OnTestBegin(l));
    public void OnTestEnd(Logs l) => _callbacks.ForEach(c => c.OnTestEnd(l));
    public void OnTestBatchBegin(int b, Logs l) => _callbacks.ForEach(c => c.OnTestBatchBegin(b, l));
    public void OnTestBatchEnd(int b, Logs l) => _callbacks.ForEach(c => c.OnTestBatchEnd(b, l));
    public void OnPredictBegin(Logs l) => _callbacks.ForEach(c => c.OnPredictBegin(l));
    public void OnPredictEnd(Logs l) => _callbacks.ForEach(c => c.OnPredictEnd(l));
    public void OnPredictBatchBegin(int b, Logs l) => _callbacks.ForEach(c => c.OnPredictBatchBegin(b, l));
    public void OnPredictBatchEnd(int b, Logs l) => _callbacks.ForEach(c => c.OnPredictBatchEnd(b, l));
}
