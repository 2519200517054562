using System.Text.Json.Nodes;

namespace KerasNet.Optimizers;

/// <summary>A learning rate as a function of the optimizer's step (Keras <c>LearningRateSchedule</c>).</summary>
public abstract class LearningRateSchedule
{
    /// <summary>The Keras class name, e.g. <c>ExponentialDecay</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>The learning rate at <paramref name="step"/> (0 for the first update).</summary>
    public abstract double Call(long step);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public abstract JsonObject GetConfig();
}
