using System.Globalization;

namespace KerasNet.Callbacks;

/// <summary>
/// Sets the learning rate at the start of each epoch from <c>schedule(epoch, currentRate)</c> (Keras
/// <c>LearningRateScheduler</c>); adds <c>learning_rate</c> to the epoch logs.
/// </summary>
/// <param name="schedule">Maps the 0-based epoch and the current rate to the new rate.</param>
/// <param name="verbose">1 prints each change.</param>
public sealed class LearningRateScheduler(Func<int, double, double> schedule, int verbose = 0) : Callback
{
    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs)
    {
        var optimizer = Model.Optimizer ?? throw new KerasNetException("LearningRateScheduler: the model has no optimizer; call Compile first.");
        double lr = schedule(epoch, optimizer.LearningRate);
        if (!double.IsFinite(lr))
            throw new KerasNetException($"LearningRateScheduler: the schedule returned {lr} for epoch {epoch}; it must return a finite number.");
        optimizer.LearningRate = lr;
        if (verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {lr.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs) => logs.Set("learning_rate", Model.Optimizer!.LearningRate);
}
