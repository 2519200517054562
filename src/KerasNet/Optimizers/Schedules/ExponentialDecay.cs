using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>ExponentialDecay</c>: <c>initial · rate^(step / decay_steps)</c>, the exponent floored
/// when <c>staircase</c>.
/// </summary>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">Steps per decay period (> 0).</param>
    /// <param name="decayRate">Factor applied per period.</param>
    /// <param name="staircase">Whether to decay at discrete intervals.</param>
    /// <param name="name">The schedule's name.</param>
    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "ExponentialDecay")
    {
        ScheduleArguments.RequirePositive(ClassName, nameof(decaySteps), decaySteps);
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
        Name = name;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Steps per decay period.</summary>
    public double DecaySteps { get; }

    /// <summary>Factor applied per period.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ClassName => "ExponentialDecay";

    /// <inheritdoc />
    public override double Call(long step)
    {
        double p = step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return InitialLearningRate * Math.Pow(DecayRate, p);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["decay_rate"] = DecayRate,
        ["staircase"] = Staircase,
        ["name"] = Name,
    };
}
