using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Shared part of <see cref="ExponentialDecay"/> and <see cref="InverseTimeDecay"/>: a decay driven by
/// <c>step / decay_steps</c> (floored when <c>staircase</c>) and a decay rate.
/// </summary>
public abstract class PeriodicDecay : LearningRateSchedule
{
    private protected PeriodicDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase,
        string name)
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

    /// <summary>The decay rate.</summary>
    public double DecayRate { get; }

    /// <summary>Whether <c>step / decay_steps</c> is floored.</summary>
    public bool Staircase { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <summary>The learning rate after <paramref name="periods"/> decay periods.</summary>
    private protected abstract double Decay(double periods);

    /// <inheritdoc />
    public override double Call(long step)
    {
        double p = step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return Decay(p);
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
