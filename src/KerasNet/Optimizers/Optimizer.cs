using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KerasNet.Backend;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet.Optimizers;

/// <summary>
/// Base of the Keras optimizers: gradient clipping (<c>clipnorm</c>, <c>clipvalue</c>,
/// <c>global_clipnorm</c>), decoupled weight decay, learning-rate schedules, loss-scale unscaling,
/// gradient accumulation, weight EMA, slot variables created once per model variable, and in-place
/// updates that follow Keras's update rules. The learning rate and step counter live on the host, so
/// an update never waits for the device.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<KerasVariable, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<KerasVariable> _built = [];
    private readonly List<bool> _decays = [];
    private readonly List<KerasVariable> _slots = [];
    private readonly List<KerasVariable> _averages = [];
    private readonly List<KerasVariable> _accumulators = [];
    private readonly ScalarCache _scalars = new();
    private readonly HashSet<KerasVariable> _excludedFromDecay = new(ReferenceEqualityComparer.Instance);
    private Regex? _excludedFromDecayNames;
    private Tensor?[] _grads = [];
    private double _learningRate;
    private long _iterations;

    /// <summary>Checks and stores the arguments every Keras optimizer takes.</summary>
    /// <param name="name">The optimizer's name.</param>
    /// <param name="learningRate">The constant learning rate.</param>
    /// <param name="defaultLearningRate">The subclass's default learning rate: a schedule may only come with it.</param>
    /// <param name="schedule">A schedule that replaces <paramref name="learningRate"/>.</param>
    /// <param name="weightDecay">Decoupled weight decay, if any.</param>
    /// <param name="clipnorm">Per-tensor gradient norm clip.</param>
    /// <param name="clipvalue">Element-wise gradient clip.</param>
    /// <param name="globalClipnorm">Global gradient norm clip.</param>
    /// <param name="useEma">Whether to keep an exponential moving average of the weights.</param>
    /// <param name="emaMomentum">Momentum of the weight average.</param>
    /// <param name="emaOverwriteFrequency">Every this many steps, overwrite the weights with their average.</param>
    /// <param name="lossScaleFactor">Gradients are divided by this before the update.</param>
    /// <param name="gradientAccumulationSteps">Update once every this many calls, with the mean gradient.</param>
    protected Optimizer(string name, double learningRate, double defaultLearningRate, LearningRateSchedule? schedule,
        double? weightDecay, double? clipnorm, double? clipvalue, double? globalClipnorm,
        bool useEma, double emaMomentum, int? emaOverwriteFrequency, double? lossScaleFactor, int? gradientAccumulationSteps)
    {
        Engine.Initialize();
        Name = name;
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
            throw new KerasNetException($"Optimizer '{name}': learningRate must be a finite number >= 0, got {learningRate}.");
        if (schedule is not null && learningRate != defaultLearningRate)
            throw new KerasNetException($"Optimizer '{name}': pass either learningRate ({learningRate}) or a schedule ({schedule.ClassName}), not both.");
        if (new[] { clipnorm, clipvalue, globalClipnorm }.Count(c => c is not null) > 1)
            throw new KerasNetException($"Optimizer '{name}': only one of clipnorm, clipvalue and globalClipnorm can be set; got clipnorm={clipnorm}, clipvalue={clipvalue}, globalClipnorm={globalClipnorm}.");
        RequirePositive(nameof(clipnorm), clipnorm);
        RequirePositive(nameof(clipvalue), clipvalue);
        RequirePositive(nameof(globalClipnorm), globalClipnorm);
        RequirePositive(nameof(lossScaleFactor), lossScaleFactor);
        if (weightDecay is double wd && !(wd >= 0 && double.IsFinite(wd)))
            throw new KerasNetException($"Optimizer '{name}': weightDecay must be a finite number >= 0, got {wd}.");
        if (gradientAccumulationSteps is int steps && steps < 2)
            throw new KerasNetException($"Optimizer '{name}': gradientAccumulationSteps must be an integer >= 2, got {steps}.");
        if (!(emaMomentum >= 0 && emaMomentum <= 1))
            throw new KerasNetException($"Optimizer '{name}': emaMomentum must be in [0, 1], got {emaMomentum}.");
        if (emaOverwriteFrequency is int every && every < 1)
            throw new KerasNetException($"Optimizer '{name}': emaOverwriteFrequency must be an integer >= 1, got {every}.");
        if (!useEma && (emaOverwriteFrequency is not null || emaMomentum != 0.99))
            throw new KerasNetException($"Optimizer '{name}': emaMomentum and emaOverwriteFrequency only apply with useEma: true.");

        _learningRate = learningRate;
        Schedule = schedule;
        WeightDecay = weightDecay;
        Clipnorm = clipnorm;
        Clipvalue = clipvalue;
        GlobalClipnorm = globalClipnorm;
        UseEma = useEma;
        EmaMomentum = emaMomentum;
        EmaOverwriteFrequency = emaOverwriteFrequency;
        LossScaleFactor = lossScaleFactor;
        GradientAccumulationSteps = gradientAccumulationSteps;

        void RequirePositive(string argument, double? value)
        {
            if (value is double v && !(v > 0 && double.IsFinite(v)))
                throw new KerasNetException($"Optimizer '{name}': {argument} must be a finite number > 0, got {v}.");
        }
    }

    /// <summary>Throws a <see cref="KerasNetException"/> naming this optimizer when a hyper-parameter is out of range.</summary>
    protected void Check(bool valid, string argument, double value, string expected)
    {
        if (!valid) throw new KerasNetException($"{GetType().Name} '{Name}': {argument} must be {expected}, got {value}.");
    }

    /// <summary>The optimizer's name (Keras: snake_case class name, e.g. <c>adam</c>).</summary>
    public string Name { get; }

    /// <summary>The Keras class name, e.g. <c>Adam</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>
    /// Number of updates applied so far (Keras <c>iterations</c>); with gradient accumulation it counts
    /// accumulated updates, not calls. Bias corrections use <c>t = Iterations + 1</c>.
    /// </summary>
    public long Iterations
    {
        get => _iterations / (GradientAccumulationSteps ?? 1);
        set => _iterations = value * (GradientAccumulationSteps ?? 1);
    }

    /// <summary>
    /// Number of <see cref="ApplyGradients(IReadOnlyList{Tensor?}, IReadOnlyList{KerasVariable})"/> calls
    /// (Keras's <c>iteration</c> variable, the one saved with the optimizer); equals
    /// <see cref="Iterations"/> without gradient accumulation.
    /// </summary>
    public long RawIterations
    {
        get => _iterations;
        set => _iterations = value;
    }

    /// <summary>The schedule, when the learning rate is one.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>The learning rate used by the next update (a schedule is evaluated at <see cref="RawIterations"/>, as Keras does).</summary>
    public double LearningRate
    {
        get => Schedule?.Call(_iterations) ?? _learningRate;
        set
        {
            if (Schedule is not null) throw new KerasNetException($"Optimizer '{Name}' uses a {Schedule.ClassName} schedule; its learning rate cannot be set.");
            if (!(value >= 0) || double.IsInfinity(value))
                throw new KerasNetException($"Optimizer '{Name}': the learning rate must be a finite number >= 0, got {value}.");
            _learningRate = value;
        }
    }

    /// <summary>Decoupled weight decay (<c>w −= w·wd·lr</c> before each step), if any.</summary>
    public double? WeightDecay { get; }

    /// <summary>Clip each gradient tensor to this L2 norm.</summary>
    public double? Clipnorm { get; }

    /// <summary>Clip each gradient element to ±this value.</summary>
    public double? Clipvalue { get; }

    /// <summary>Clip all gradients together to this global L2 norm.</summary>
    public double? GlobalClipnorm { get; }

    /// <summary>Whether an exponential moving average of the weights is kept.</summary>
    public bool UseEma { get; }

    /// <summary>Momentum of the weight average: <c>avg = μ·avg + (1−μ)·w</c>.</summary>
    public double EmaMomentum { get; }

    /// <summary>Every this many updates the weights are overwritten with their average (none: only at <see cref="FinalizeVariableValues"/>).</summary>
    public int? EmaOverwriteFrequency { get; }

    /// <summary>Gradients are divided by this before anything else (the loss was multiplied by it).</summary>
    public double? LossScaleFactor { get; }

    /// <summary>When set, gradients are summed over this many calls and the mean is applied on the last one.</summary>
    public int? GradientAccumulationSteps { get; }

    /// <summary>The optimizer's variables (slots), in Keras's order.</summary>
    public IReadOnlyList<KerasVariable> Variables => _slots;

    /// <summary>
    /// Excludes variables from weight decay, by identity or by a regular expression searched in their
    /// <see cref="KerasVariable.Name"/> (e.g. <c>"bias"</c>). Call before the optimizer is built.
    /// </summary>
    public void ExcludeFromWeightDecay(IEnumerable<KerasVariable>? variables = null, IEnumerable<string>? varNames = null)
    {
        if (_built.Count > 0)
            throw new KerasNetException($"Optimizer '{Name}': ExcludeFromWeightDecay can only be called before the optimizer is built.");
        _excludedFromDecay.Clear();
        if (variables is not null) _excludedFromDecay.UnionWith(variables);
        var names = varNames?.Distinct().ToList();
        _excludedFromDecayNames = names is { Count: > 0 } ? new Regex(string.Join("|", names), RegexOptions.CultureInvariant) : null;
    }

    /// <summary>Creates the optimizer variables for <paramref name="variables"/> (once per variable).</summary>
    public void Build(IReadOnlyList<KerasVariable> variables)
    {
        List<KerasVariable>? fresh = null;
        for (int i = 0; i < variables.Count; i++)
            if (!_index.ContainsKey(variables[i]) && !(fresh?.Contains(variables[i]) ?? false))
                (fresh ??= []).Add(variables[i]);
        if (fresh is null) return;
        foreach (var v in fresh)
        {
            _index[v] = _built.Count;
            _built.Add(v);
            _decays.Add(!_excludedFromDecay.Contains(v) && !(_excludedFromDecayNames?.IsMatch(v.Name) ?? false));
        }
        if (UseEma) foreach (var v in fresh) _averages.Add(AddSlot(v, "average"));
        if (GradientAccumulationSteps is not null) foreach (var v in fresh) _accumulators.Add(AddSlot(v, "gradient_accumulator"));
        BuildSlots(fresh);
    }

    /// <summary>Creates the per-variable slots (e.g. Adam's momentum and velocity) for new variables, in Keras's order.</summary>
    protected virtual void BuildSlots(IReadOnlyList<KerasVariable> variables) { }

    /// <summary>Creates a slot shaped like <paramref name="reference"/> filled with <paramref name="initialValue"/>, named as Keras names it.</summary>
    protected KerasVariable AddSlot(KerasVariable reference, string slotName, double initialValue = 0)
    {
        var value = full(reference.Value.shape, initialValue, dtype: reference.DType, device: reference.Value.device);
        return AddVariable($"{reference.Path.Replace('/', '_')}_{slotName}", value);
    }

    /// <summary>Registers an optimizer variable holding <paramref name="value"/> (taken over) under <c>{Name}/{name}</c>.</summary>
    protected KerasVariable AddVariable(string name, Tensor value)
    {
        var variable = new KerasVariable(name, value, trainable: false, path: $"{Name}/{name}");
        _slots.Add(variable);
        return variable;
    }

    /// <summary>Applies one update with <paramref name="gradients"/> paired to <paramref name="variables"/> (a null gradient skips its variable).</summary>
    public void ApplyGradients(IReadOnlyList<Tensor?> gradients, IReadOnlyList<KerasVariable> variables)
    {
        if (gradients.Count != variables.Count)
            throw new KerasNetException($"Optimizer '{Name}': {gradients.Count} gradients for {variables.Count} variables.");
        if (gradients.Count == 0) return;
        bool any = false;
        for (int i = 0; i < gradients.Count; i++)
        {
            if (gradients[i] is not { } g) continue;
            any = true;
            if (g.numel() != variables[i].Value.numel())
                throw new KerasNetException($"Optimizer '{Name}': gradient of shape {Shape.Of(g.shape)} for variable '{variables[i].Path}' of shape {variables[i].Shape}.");
        }
        if (!any) throw new KerasNetException($"Optimizer '{Name}': no gradients provided for any variable.");
        Build(variables);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var grads = GradientBuffer(gradients);
        try
        {
            if (LossScaleFactor is double scale)
                for (int i = 0; i < grads.Length; i++) grads[i] = grads[i]?.div(Coef(scale));
            if (GradientAccumulationSteps is int steps) Accumulate(grads, variables, steps);
            else Update(grads, variables);
            if (UseEma) UpdateAverages();
            _iterations++;
        }
        finally
        {
            Array.Clear(grads);
            _scalars.EndStep();
        }
    }

    /// <summary>Applies one update from <c>(gradient, variable)</c> pairs.</summary>
    public void ApplyGradients(IEnumerable<(Tensor? Gradient, KerasVariable Variable)> gradsAndVars)
    {
        var list = gradsAndVars.ToList();
        ApplyGradients(list.Select(p => p.Gradient).ToList(), list.Select(p => p.Variable).ToList());
    }

    /// <summary>
    /// Keras <c>finalize_variable_values</c>: with <see cref="UseEma"/>, overwrites
    /// <paramref name="variables"/> with their moving averages (call once training ends).
    /// </summary>
    public void FinalizeVariableValues(IReadOnlyList<KerasVariable> variables)
    {
        if (!UseEma) return;
        using var noGrad = no_grad();
        foreach (var v in variables)
        {
            if (!_index.TryGetValue(v, out int i))
                throw new KerasNetException($"Optimizer '{Name}': variable '{v.Path}' was never updated by this optimizer, so it has no moving average.");
            v.Value.copy_(_averages[i].Value);
        }
    }

    /// <summary>
    /// Updates every variable that has a gradient (Keras <c>_backend_update_step</c>). Override to
    /// advance per-step state once before calling the base (as Nadam does).
    /// </summary>
    protected virtual void UpdateSteps(ReadOnlySpan<Tensor?> gradients, IReadOnlyList<KerasVariable> variables, double learningRate)
    {
        for (int i = 0; i < gradients.Length; i++)
        {
            if (gradients[i] is not { } g) continue;
            var v = variables[i];
            try
            {
                UpdateStep(g.dtype == v.DType ? g : g.to(v.DType), v, learningRate);
            }
            catch (ExternalException e)
            {
                throw new KerasNetException($"Optimizer '{Name}': update of variable '{v.Path}' {v.Shape} with a gradient of shape {Shape.Of(g.shape)} failed: {e.Message}", e);
            }
        }
    }

    /// <summary>Keras's update of one variable, in place, with the step's learning rate.</summary>
    protected abstract void UpdateStep(Tensor gradient, KerasVariable variable, double learningRate);

    /// <summary>The position of <paramref name="variable"/> among the variables this optimizer has built slots for.</summary>
    protected int IndexOf(KerasVariable variable) => _index[variable];

    /// <summary>A cached native scalar for an update coefficient (avoids a native allocation per op).</summary>
    protected Scalar Coef(double value) => _scalars[value];

    private Tensor?[] GradientBuffer(IReadOnlyList<Tensor?> gradients)
    {
        if (_grads.Length != gradients.Count) _grads = new Tensor?[gradients.Count];
        for (int i = 0; i < gradients.Count; i++) _grads[i] = gradients[i];
        return _grads;
    }

    private void Accumulate(Tensor?[] grads, IReadOnlyList<KerasVariable> variables, int steps)
    {
        bool isUpdateStep = (_iterations + 1) % steps == 0;
        for (int i = 0; i < grads.Length; i++)
        {
            if (grads[i] is not { } g) continue;
            var acc = _accumulators[IndexOf(variables[i])].Value;
            if (isUpdateStep) grads[i] = g.add(acc).div_(Coef(steps));
            else acc.add_(g);
        }
        if (!isUpdateStep) return;
        Update(grads, variables);
        foreach (var acc in _accumulators) acc.Value.zero_();
    }

    private void Update(Tensor?[] grads, IReadOnlyList<KerasVariable> variables)
    {
        Clip(grads);
        double lr = LearningRate;
        if (WeightDecay is double wd && wd != 0)
        {
            var keep = Coef(1 - wd * lr);
            for (int i = 0; i < grads.Length; i++)
                if (grads[i] is not null && _decays[IndexOf(variables[i])]) variables[i].Value.mul_(keep);
        }
        UpdateSteps(grads, variables, lr);
    }

    private void Clip(Tensor?[] grads)
    {
        if (Clipnorm is double cn)
        {
            for (int i = 0; i < grads.Length; i++)
                if (grads[i] is { } g) grads[i] = g.mul(g.norm().clamp_min_(Coef(cn)).reciprocal_().mul_(Coef(cn)));
        }
        else if (GlobalClipnorm is double gn)
        {
            Tensor? sumOfSquares = null;
            foreach (var g in grads)
                if (g is not null)
                {
                    var s = g.norm();
                    s.mul_(s);
                    sumOfSquares = sumOfSquares is null ? s : sumOfSquares.add_(s);
                }
            var norm = sumOfSquares!.sqrt_();
            // Keras: clip·min(1/norm, 1/clip) + (norm − norm), so a non-finite norm gives NaN gradients.
            var scale = norm.clamp_min(Coef(gn)).reciprocal_().mul_(Coef(gn)).add_(norm.sub(norm));
            for (int i = 0; i < grads.Length; i++)
                if (grads[i] is { } g) grads[i] = g.mul(scale);
        }
        else if (Clipvalue is double cv)
        {
            for (int i = 0; i < grads.Length; i++)
                if (grads[i] is { } g) grads[i] = g.clamp(Coef(-cv), Coef(cv));
        }
    }

    private void UpdateAverages()
    {
        double momentum = Iterations != 0 ? EmaMomentum : 0;
        for (int i = 0; i < _built.Count; i++)
        {
            var average = _averages[i].Value;
            if (momentum == 0) average.copy_(_built[i].Value);
            else average.mul_(Coef(momentum)).add_(_built[i].Value, alpha: Coef(1 - momentum));
        }
        if (EmaOverwriteFrequency is int every && (Iterations + 1) % every == 0)
            for (int i = 0; i < _built.Count; i++) _built[i].Value.copy_(_averages[i].Value);
    }

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new()
    {
        ["name"] = Name,
        ["learning_rate"] = Schedule is null ? _learningRate : new JsonObject
        {
            ["module"] = "keras.optimizers.schedules",
            ["class_name"] = Schedule.ClassName,
            ["config"] = Schedule.GetConfig(),
            ["registered_name"] = null,
        },
        ["weight_decay"] = WeightDecay,
        ["clipnorm"] = Clipnorm,
        ["global_clipnorm"] = GlobalClipnorm,
        ["clipvalue"] = Clipvalue,
        ["use_ema"] = UseEma,
        ["ema_momentum"] = EmaMomentum,
        ["ema_overwrite_frequency"] = EmaOverwriteFrequency,
        ["loss_scale_factor"] = LossScaleFactor,
        ["gradient_accumulation_steps"] = GradientAccumulationSteps,
    };

    /// <summary>Looks up a Keras optimizer by name, with default arguments.</summary>
    public static implicit operator Optimizer(string name) => Optimizers.Get(name);

    /// <summary>Releases the optimizer variables and cached scalars.</summary>
    public void Dispose()
    {
        foreach (var s in _slots) s.Dispose();
        _slots.Clear();
        _averages.Clear();
        _accumulators.Clear();
        _index.Clear();
        _built.Clear();
        _decays.Clear();
        _scalars.Dispose();
        GC.SuppressFinalize(this);
    }
}
