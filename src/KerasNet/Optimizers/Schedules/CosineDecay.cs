using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>CosineDecay</c> with optional linear warmup: from <c>initial</c> to <c>warmup_target</c>
/// over <c>warmup_steps</c>, then <c>from·((1 − α)·½(1 + cos(π·s/decay_steps)) + α)</c> with
/// <c>s</c> capped at <c>decay_steps</c>, where <c>from</c> is the warmup target (or the initial
/// rate without warmup).
/// </summary>
public sealed class CosineDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">Steps to decay over (> 0).</param>
    /// <param name="alpha">Minimum learning rate as a fraction of the rate the decay starts from.</param>
    /// <param name="name">The schedule's name.</param>
    /// <param name="warmupTarget">The rate reached after warmup; none skips warmup.</param>
    /// <param name="warmupSteps">Steps to warm up over (requires <paramref name="warmupTarget"/>).</param>
    public CosineDecay(double initialLearningRate, double decaySteps, double alpha = 0.0, string name = "CosineDecay",
        double? warmupTarget = null, double warmupSteps = 0)
    {
        ScheduleArguments.RequirePositive(ClassName, nameof(decaySteps), decaySteps);
        if (!(warmupSteps >= 0 && double.IsFinite(warmupSteps)))
            throw new KerasNetException($"{ClassName}: warmupSteps must be a finite number >= 0, got {warmupSteps}.");
        if (warmupSteps > 0 && warmupTarget is null)
            throw new KerasNetException($"{ClassName}: warmupSteps ({warmupSteps}) needs a warmupTarget to warm up to.");
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        Alpha = alpha;
        Name = name;
        WarmupTarget = warmupTarget;
        WarmupSteps = warmupSteps;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Steps to decay over.</summary>
    public double DecaySteps { get; }

    /// <summary>Minimum learning rate as a fraction of the rate the decay starts from.</summary>
    public double Alpha { get; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <summary>The rate reached after warmup, if any.</summary>
    public double? WarmupTarget { get; }

    /// <summary>Steps to warm up over.</summary>
    public double WarmupSteps { get; }

    /// <inheritdoc />
    public override string ClassName => "CosineDecay";

    /// <inheritdoc />
    public override double Call(long step)
    {
        if (WarmupTarget is not double target)
            return Decayed(Math.Min(step, DecaySteps), InitialLearningRate);
        double s = Math.Min(step, DecaySteps + WarmupSteps);
        return s < WarmupSteps
            ? (target - InitialLearningRate) * (s / WarmupSteps) + InitialLearningRate
            : Decayed(s - WarmupSteps, target);
    }

    private double Decayed(double step, double from)
    {
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * step / DecaySteps));
        return from * ((1 - Alpha) * cosine + Alpha);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["alpha"] = Alpha,
        ["name"] = Name,
        ["warmup_target"] = WarmupTarget,
        ["warmup_steps"] = WarmupSteps,
    };
}
