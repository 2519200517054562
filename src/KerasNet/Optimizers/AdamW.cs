namespace KerasNet.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Keras <c>AdamW</c>): <c>w −= w·wd·lr</c> before each Adam step,
/// with Keras's default <c>weight_decay = 0.004</c>.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">Learning rate (Keras default 0.001).</param>
    /// <param name="weightDecay">Decoupled weight decay, <c>w −= w·wd·lr</c> before each step (Keras default 0.004).</param>
    /// <param name="beta1">Decay rate of the first-moment estimate.</param>
    /// <param name="beta2">Decay rate of the second-moment estimate.</param>
    /// <param name="epsilon">Added to √v (Keras default 1e-7).</param>
    /// <param name="amsgrad">Whether to use the AMSGrad variant.</param>
    /// <param name="clipnorm">Clip each gradient tensor to this L2 norm.</param>
    /// <param name="clipvalue">Clip each gradient element to ±this value.</param>
    /// <param name="globalClipnorm">Clip all gradients together to this global L2 norm.</param>
    /// <param name="useEma">Keep an exponential moving average of the weights.</param>
    /// <param name="emaMomentum">Momentum of the weight average.</param>
    /// <param name="emaOverwriteFrequency">Overwrite the weights with their average every this many steps.</param>
    /// <param name="lossScaleFactor">Divide gradients by this before the update.</param>
    /// <param name="gradientAccumulationSteps">Apply the mean gradient once every this many calls.</param>
    /// <param name="schedule">A learning-rate schedule used instead of <paramref name="learningRate"/>.</param>
    /// <param name="name">The optimizer's name.</param>
    public AdamW(double learningRate = 0.001, double weightDecay = 0.004, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, bool amsgrad = false,
        double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        bool useEma = false, double emaMomentum = 0.99, int? emaOverwriteFrequency = null,
        double? lossScaleFactor = null, int? gradientAccumulationSteps = null,
        LearningRateSchedule? schedule = null, string name = "adamw")
        : base(learningRate, beta1, beta2, epsilon, amsgrad, weightDecay, clipnorm, clipvalue, globalClipnorm,
            useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps, schedule, name)
    {
    }

    /// <inheritdoc />
    public override string ClassName => "AdamW";
}
