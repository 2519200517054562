using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>InverseTimeDecay</c>: <c>initial / (1 + rate · step / decay_steps)</c>, the ratio floored
/// when <c>staircase</c>.
/// </summary>
public sealed class InverseTimeDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">How often to apply decay (> 0).</param>
    /// <param name="decayRate">The decay rate.</param>
    /// <param name="staircase">Whether to decay at discrete intervals.</param>
    /// <param name="name">The schedule's name.</param>
    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "InverseTimeDecay")
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

    /// <summary>How often to apply decay.</summary>
    public double DecaySteps { get; }

    /// <summary>The decay rate.</summary>
    public double DecayRate { get; }

    /// <summary>Whether <c>step / decay_steps</c> is floored.</summary>
    public bool Staircase { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ClassName => "InverseTimeDecay";

    /// <inheritdoc />
    public override double Call(long step)
    {
        double p = step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return InitialLearningRate / (1 + DecayRate * p);
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
