using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>PolynomialDecay</c>: <c>(initial − end)·(1 − step/decay_steps)^power + end</c> with the
/// step capped at <c>decay_steps</c>; with <c>cycle</c>, <c>decay_steps</c> grows to the first multiple
/// not below the step instead.
/// </summary>
public sealed class PolynomialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">Steps to reach <paramref name="endLearningRate"/> (> 0).</param>
    /// <param name="endLearningRate">The final learning rate.</param>
    /// <param name="power">Power of the polynomial.</param>
    /// <param name="cycle">Whether to restart the decay after <paramref name="decaySteps"/>.</param>
    /// <param name="name">The schedule's name.</param>
    public PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate = 0.0001,
        double power = 1.0, bool cycle = false, string name = "PolynomialDecay")
    {
        ScheduleArguments.RequirePositive(ClassName, nameof(decaySteps), decaySteps);
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        EndLearningRate = endLearningRate;
        Power = power;
        Cycle = cycle;
        Name = name;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Steps to reach the end learning rate.</summary>
    public double DecaySteps { get; }

    /// <summary>The final learning rate.</summary>
    public double EndLearningRate { get; }

    /// <summary>Power of the polynomial.</summary>
    public double Power { get; }

    /// <summary>Whether the decay restarts after each period.</summary>
    public bool Cycle { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ClassName => "PolynomialDecay";

    /// <inheritdoc />
    public override double Call(long step)
    {
        double s = step, decaySteps = DecaySteps;
        if (Cycle) decaySteps *= s == 0 ? 1 : Math.Ceiling(s / DecaySteps);
        else s = Math.Min(s, decaySteps);
        return (InitialLearningRate - EndLearningRate) * Math.Pow(1 - s / decaySteps, Power) + EndLearningRate;
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["end_learning_rate"] = EndLearningRate,
        ["power"] = Power,
        ["cycle"] = Cycle,
        ["name"] = Name,
    };
}
