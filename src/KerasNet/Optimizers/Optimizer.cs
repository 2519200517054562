using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Base of the Keras optimizers: gradient clipping (<c>clipnorm</c>, <c>clipvalue</c>,
/// <c>global_clipnorm</c>), decoupled weight decay, learning-rate schedules, slot variables created
/// once per model variable, and in-place updates that follow Keras's update rules.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<KerasVariable, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<KerasVariable> _slots = [];
    private double _learningRate;

    /// <summary>Sets the arguments every Keras optimizer takes.</summary>
    protected Optimizer(string name, double learningRate, LearningRateSchedule? schedule = null,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null)
    {
        if (new[] { clipnorm, clipvalue, globalClipnorm }.Count(c => c is not null) > 1)
            throw new KerasNetException($"Optimizer '{name}': only one of clipnorm, clipvalue and globalClipnorm can be set.");
        Name = name;
        _learningRate = learningRate;
        Schedule = schedule;
        WeightDecay = weightDecay;
        Clipnorm = clipnorm;
        Clipvalue = clipvalue;
        GlobalClipnorm = globalClipnorm;
    }

    /// <summary>The optimizer's name (Keras: snake_case class name, e.g. <c>adam</c>).</summary>
    public string Name { get; }

    /// <summary>The Keras class name, e.g. <c>Adam</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>Number of updates applied so far (Keras <c>iterations</c>).</summary>
    public long Iterations { get; set; }

    /// <summary>The schedule, when the learning rate is one.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>The learning rate used by the next update.</summary>
    public double LearningRate
    {
        get => Schedule?.Call(Iterations) ?? _learningRate;
        set
        {
            if (Schedule is not null) throw new KerasNetException($"Optimizer '{Name}' uses a {Schedule.ClassName} schedule; its learning rate cannot be set.");
            _learningRate = value;
        }
    }

    /// <summary>Decoupled weight decay (<c>w −= w·wd·lr</c> before each step), if any.</summary>
    public double? WeightDecay { get; }

    /// <summary>Clip each gradient tensor to this norm.</summary>
    public double? Clipnorm { get; }

    /// <summary>Clip each gradient element to ±this value.</summary>
    public double? Clipvalue { get; }

    /// <summary>Clip all gradients together to this global norm.</summary>
    public double? GlobalClipnorm { get; }

    /// <summary>The slot variables, in Keras's order.</summary>
    public IReadOnlyList<KerasVariable> Variables => _slots;

    /// <summary>Creates slot variables for <paramref name="variables"/> (once per variable).</summary>
    public void Build(IReadOnlyList<KerasVariable> variables)
    {
        var fresh = variables.Where(v => !_index.ContainsKey(v)).ToList();
        for (int i = 0; i < fresh.Count; i++) _index[fresh[i]] = _index.Count;
        if (fresh.Count > 0) BuildSlots(fresh);
    }

    /// <summary>Creates the per-variable slots (e.g. Adam's momentum and velocity) for new variables.</summary>
    protected virtual void BuildSlots(IReadOnlyList<KerasVariable> variables) { }

    /// <summary>Creates a zero slot shaped like <paramref name="reference"/>, named as Keras names it.</summary>
    protected KerasVariable AddSlot(KerasVariable reference, string slotName)
    {
        var value = zeros(reference.Value.shape, dtype: reference.DType, device: reference.Value.device);
        var slot = new KerasVariable(slotName, value, trainable: false,
            path: $"{Name}/{reference.Path.Replace('/', '_')}_{slotName}");
        _slots.Add(slot);
        return slot;
    }

    /// <summary>Applies one update with <paramref name="gradients"/> paired to <paramref name="variables"/>.</summary>
    public void ApplyGradients(IReadOnlyList<Tensor> gradients, IReadOnlyList<KerasVariable> variables)
    {
        if (gradients.Count != variables.Count)
            throw new KerasNetException($"Optimizer '{Name}': {gradients.Count} gradients for {variables.Count} variables.");
        Build(variables);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var grads = Clip(gradients);
        double lr = LearningRate;
        for (int i = 0; i < variables.Count; i++)
        {
            if (grads[i] is null) continue;
            var v = variables[i];
            if (WeightDecay is double wd && wd > 0)
                v.Value.mul_(1 - wd * lr);
            UpdateStep(grads[i]!, v, lr);
        }
        Iterations++;
    }

    /// <summary>Applies one update from <c>(gradient, variable)</c> pairs.</summary>
    public void ApplyGradients(IEnumerable<(Tensor Gradient, KerasVariable Variable)> gradsAndVars)
    {
        var list = gradsAndVars.ToList();
        ApplyGradients(list.Select(p => p.Gradient).ToList(), list.Select(p => p.Variable).ToList());
    }

    private Tensor?[] Clip(IReadOnlyList<Tensor> gradients)
    {
        var grads = gradients.Select(g => (Tensor?)g).ToArray();
        if (Clipvalue is double cv)
            for (int i = 0; i < grads.Length; i++) grads[i] = grads[i]?.clamp(-cv, cv);
        if (Clipnorm is double cn)
            for (int i = 0; i < grads.Length; i++)
                if (grads[i] is { } g) grads[i] = g * (cn / g.norm().clamp_min(cn));
        if (GlobalClipnorm is double gn)
        {
            var present = grads.Where(g => g is not null).Select(g => g!.square().sum()).ToArray();
            var scale = gn / stack(present).sum().sqrt().clamp_min(gn);
            for (int i = 0; i < grads.Length; i++) grads[i] = grads[i] is { } g ? g * scale : null;
        }
        return grads;
    }

    /// <summary>Keras's update of one variable, in place, with the step's learning rate.</summary>
    protected abstract void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate);

    /// <summary>The position of <paramref name="variable"/> among the variables this optimizer has built slots for.</summary>
    protected int IndexOf(KerasVariable variable) => _index[variable];

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new()
    {
        ["name"] = Name,
        ["learning_rate"] = Schedule is null ? _learningRate : new JsonObject { ["class_name"] = Schedule.ClassName, ["config"] = Schedule.GetConfig() },
        ["weight_decay"] = WeightDecay,
        ["clipnorm"] = Clipnorm,
        ["global_clipnorm"] = GlobalClipnorm,
        ["clipvalue"] = Clipvalue,
        ["use_ema"] = false,
        ["ema_momentum"] = 0.99,
        ["ema_overwrite_frequency"] = null,
        ["loss_scale_factor"] = null,
        ["gradient_accumulation_steps"] = null,
    };

    /// <summary>Looks up a Keras optimizer by name, with default arguments.</summary>
    public static implicit operator Optimizer(string name) => Optimizers.Get(name);

    /// <summary>Releases the slot variables.</summary>
    public void Dispose()
    {
        foreach (var s in _slots) s.Dispose();
        _slots.Clear();
        _index.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes sure the engine is up before any slot is created.</summary>
    static Optimizer() => Engine.Initialize();
}
