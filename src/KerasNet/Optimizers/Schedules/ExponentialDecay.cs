namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>ExponentialDecay</c>: <c>initial · rate^(step / decay_steps)</c>, the exponent floored
/// when <c>staircase</c>.
/// </summary>
public sealed class ExponentialDecay : PeriodicDecay
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">Steps per decay period (> 0).</param>
    /// <param name="decayRate">Factor applied per period.</param>
    /// <param name="staircase">Whether to decay at discrete intervals.</param>
    /// <param name="name">The schedule's name.</param>
    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "ExponentialDecay")
        : base(initialLearningRate, decaySteps, decayRate, staircase, name)
    {
    }

    /// <inheritdoc />
    public override string ClassName => "ExponentialDecay";

    private protected override double Decay(double periods) => InitialLearningRate * Math.Pow(DecayRate, periods);
}
