using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>CosineDecayRestarts</c> (SGDR): the multiplier decays from 1 to <c>alpha</c> over
/// <c>first_decay_steps</c>, then restarts; period i lasts <c>t_mul^i</c> times longer and starts at
/// <c>m_mul^i</c> times the initial rate.
/// </summary>
public sealed class CosineDecayRestarts : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="firstDecaySteps">Length of the first period (> 0).</param>
    /// <param name="tMul">Growth factor of the period length (> 0).</param>
    /// <param name="mMul">Factor applied to the starting rate at each restart.</param>
    /// <param name="alpha">Minimum learning rate as a fraction of the initial rate.</param>
    /// <param name="name">The schedule's name.</param>
    public CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul = 2.0, double mMul = 1.0,
        double alpha = 0.0, string name = "SGDRDecay")
    {
        ScheduleArguments.RequirePositive(ClassName, nameof(firstDecaySteps), firstDecaySteps);
        ScheduleArguments.RequirePositive(ClassName, nameof(tMul), tMul);
        InitialLearningRate = initialLearningRate;
        FirstDecaySteps = firstDecaySteps;
        TMul = tMul;
        MMul = mMul;
        Alpha = alpha;
        Name = name;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Length of the first period.</summary>
    public double FirstDecaySteps { get; }

    /// <summary>Growth factor of the period length.</summary>
    public double TMul { get; }

    /// <summary>Factor applied to the starting rate at each restart.</summary>
    public double MMul { get; }

    /// <summary>Minimum learning rate as a fraction of the initial rate.</summary>
    public double Alpha { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ClassName => "CosineDecayRestarts";

    /// <inheritdoc />
    public override double Call(long step)
    {
        double fraction = step / FirstDecaySteps, restart;
        if (TMul == 1.0)
        {
            restart = Math.Floor(fraction);
            fraction -= restart;
        }
        else
        {
            restart = Math.Floor(Math.Log(1 - fraction * (1 - TMul)) / Math.Log(TMul));
            double elapsed = (1 - Math.Pow(TMul, restart)) / (1 - TMul);
            fraction = (fraction - elapsed) / Math.Pow(TMul, restart);
        }
        double cosine = 0.5 * Math.Pow(MMul, restart) * (1 + Math.Cos(Math.PI * fraction));
        return InitialLearningRate * ((1 - Alpha) * cosine + Alpha);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["first_decay_steps"] = FirstDecaySteps,
        ["t_mul"] = TMul,
        ["m_mul"] = MMul,
        ["alpha"] = Alpha,
        ["name"] = Name,
    };
}
