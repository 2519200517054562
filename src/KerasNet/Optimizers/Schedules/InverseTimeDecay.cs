namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>InverseTimeDecay</c>: <c>initial / (1 + rate · step / decay_steps)</c>, the ratio floored
/// when <c>staircase</c>.
/// </summary>
public sealed class InverseTimeDecay : PeriodicDecay
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">How often to apply decay (> 0).</param>
    /// <param name="decayRate">The decay rate.</param>
    /// <param name="staircase">Whether to decay at discrete intervals.</param>
    /// <param name="name">The schedule's name.</param>
    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "InverseTimeDecay")
        : base(initialLearningRate, decaySteps, decayRate, staircase, name)
    {
    }

    /// <inheritdoc />
    public override string ClassName => "InverseTimeDecay";

    private protected override double Decay(double periods) => InitialLearningRate / (1 + DecayRate * periods);
}
