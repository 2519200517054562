using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// A dense layer written as an einsum between the input and a kernel (Keras <c>EinsumDense</c>):
/// <c>activation(einsum(equation, inputs, kernel) + bias)</c>. The equation has the form <c>ab,bc->ac</c>,
/// <c>...ab,bc->...ac</c> or <c>ab...,bc->ac...</c>; the kernel's shape follows from the input shape and
/// <see cref="PartialOutputShape"/> as in Keras. Example: <c>new EinsumDense("abc,cd->abd", outputShape: [null, 64], biasAxes: "d")</c>.
/// </summary>
public sealed partial class EinsumDense : Layer
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="equation">The einsum equation, input first, kernel second.</param>
    /// <param name="outputShape">Output shape without the batch axis and the elided axes; <c>null</c> entries are taken from the input.</param>
    /// <param name="activation">Activation applied to the output (linear by default).</param>
    /// <param name="biasAxes">Output axes (letters of the output spec) that get a bias; none when null.</param>
    /// <param name="kernelInitializer">Kernel initializer (glorot_uniform).</param>
    /// <param name="biasInitializer">Bias initializer (zeros).</param>
    /// <param name="kernelRegularizer">Kernel penalty.</param>
    /// <param name="biasRegularizer">Bias penalty.</param>
    /// <param name="activityRegularizer">Not supported (throws when given).</param>
    /// <param name="kernelConstraint">Kernel projection.</param>
    /// <param name="biasConstraint">Bias projection.</param>
    /// <param name="loraRank">LoRA is not supported (throws when given).</param>
    /// <param name="loraAlpha">LoRA is not supported (throws when given).</param>
    /// <param name="gptqUnpackedColumnSize">Quantization is not supported (throws when given).</param>
    /// <param name="quantizationConfig">Quantization is not supported (throws when given).</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="inputShape">Shape of one sample, for the first layer of a Sequential.</param>
    /// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
    public EinsumDense(string equation, Shape outputShape, ActivationFunction? activation = null, string? biasAxes = null,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        int? loraRank = null, int? loraAlpha = null, int? gptqUnpackedColumnSize = null, JsonNode? quantizationConfig = null,
        string? name = null, bool trainable = true, Shape? inputShape = null, int? batchSize = null)
        : base(name, trainable, inputShape, batchSize: batchSize)
    {
        if (activityRegularizer is not null) throw new NotSupportedException($"EinsumDense '{Name}': activityRegularizer is not supported.");
        if (loraRank is not null || loraAlpha is not null) throw new NotSupportedException($"EinsumDense '{Name}': LoRA (loraRank, loraAlpha) is not supported.");
        if (gptqUnpackedColumnSize is not null || quantizationConfig is not null)
            throw new NotSupportedException($"EinsumDense '{Name}': quantization (quantizationConfig, gptqUnpackedColumnSize) is not supported.");
        Equation = equation;
        Spec = EquationSpec.Parse(equation, Name);
        PartialOutputShape = outputShape;
        int expected = Spec.Output.Length - (Spec.LeftElided ? 0 : 1);
        if (outputShape.Rank != expected)
            throw new KerasNetException($"EinsumDense '{Name}': outputShape {outputShape} must have {expected} entries for equation '{equation}' " +
                $"(one per output axis{(Spec.LeftElided ? "" : " after the batch axis")}, elided axes excluded).");
        if (biasAxes is not null && biasAxes.FirstOrDefault(c => !Spec.Output.Contains(c)) is var bad and not '\0')
            throw new KerasNetException($"EinsumDense '{Name}': bias axis '{bad}' is not in the output spec '{Spec.Output}' of equation '{equation}'.");
        BiasAxes = biasAxes;
        Activation = activation ?? Activations.Activations.Linear;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
    }

    /// <summary>The einsum equation.</summary>
    public string Equation { get; }
    /// <summary>The output shape as given (Keras <c>partial_output_shape</c>).</summary>
    public Shape PartialOutputShape { get; }
    /// <summary>Output axes with a bias, or null.</summary>
    public string? BiasAxes { get; }
    /// <summary>Activation applied to the output.</summary>
    public ActivationFunction Activation { get; }
    /// <summary>Kernel initializer.</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Bias initializer.</summary>
    public Initializer BiasInitializer { get; }
    /// <summary>Kernel penalty.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Bias penalty.</summary>
    public Regularizer? BiasRegularizer { get; }
    /// <summary>Kernel projection.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>Bias projection.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The kernel, shaped by the equation's kernel spec.</summary>
    public KerasVariable Kernel { get; private set; } = null!;
    /// <summary>The bias, when <see cref="BiasAxes"/> is given.</summary>
    public KerasVariable? Bias { get; private set; }

    private EquationSpec Spec { get; }

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        var (kernel, bias, _) = Analyze(inputShape);
        Kernel = AddWeight("kernel", Shape.Of(kernel), KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
        if (bias is not null) Bias = AddWeight("bias", Shape.Of(bias), BiasInitializer, regularizer: BiasRegularizer, constraint: BiasConstraint);
        // The sizes of the input axes the kernel shares with the input are fixed from now on.
        var axes = new Dictionary<int, long>();
        for (int i = 0; i < Spec.Input.Length; i++)
            if (Spec.Kernel.Contains(Spec.Input[i]))
                axes[Spec.InputAxis(i, inputShape.Rank)] = (long)inputShape[Spec.InputAxis(i, inputShape.Rank)]!;
        InputSpec = new InputSpec(Rank: inputShape.Rank, Axes: axes);
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var y = einsum(Equation, inputs, Kernel.Value);
        if (Bias is { } b) y = y.add_(b.Value);
        return Activation.Call(y);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => [Analyze(inputShapes[0]).Output];

    /// <summary>
    /// Kernel shape, bias shape and full output shape for <paramref name="input"/> (Keras
    /// <c>_analyze_einsum_string</c>). Output axes left <c>null</c> that the input shares are filled from the input.
    /// </summary>
    private (long[] Kernel, long[]? Bias, Shape Output) Analyze(Shape input)
    {
        string inSpec = Spec.Input, kSpec = Spec.Kernel, outSpec = Spec.Output;
        int elided = input.Rank - inSpec.Length;
        int minRank = inSpec.Length + (Spec.LeftElided ? 1 : 0); // a left ellipsis holds at least the batch axis
        if (Spec.Elided ? input.Rank < minRank : input.Rank != minRank)
            throw new KerasNetException($"EinsumDense '{Name}': input of shape {input} does not fit equation '{Equation}': " +
                $"expected rank {(Spec.Elided ? ">= " : "")}{minRank}, got {input.Rank}.");
        var output = new List<long?> { input[0] };
        if (Spec.LeftElided) output.AddRange(Enumerable.Range(1, elided - 1).Select(i => input[i]));
        output.AddRange(PartialOutputShape);
        if (Spec.Elided && !Spec.LeftElided) output.AddRange(Enumerable.Range(input.Rank - elided, elided).Select(i => input[i]));
        int OutAxis(char c) => outSpec.IndexOf(c) + (Spec.LeftElided ? elided : 0);

        for (int i = 0; i < inSpec.Length; i++)
        {
            char c = inSpec[i];
            if (!outSpec.Contains(c)) continue;
            long? inDim = input[Spec.InputAxis(i, input.Rank)], outDim = output[OutAxis(c)];
            if (outDim is not null && inDim is not null && outDim != inDim)
                throw new KerasNetException($"EinsumDense '{Name}': input shape {input} and output shape {new Shape(output)} do not match at shared dimension '{c}' of equation '{Equation}' ({inDim} vs {outDim}).");
            output[OutAxis(c)] = outDim ?? inDim;
        }
        if (outSpec.FirstOrDefault(c => !inSpec.Contains(c) && !kSpec.Contains(c)) is var orphan and not '\0')
            throw new KerasNetException($"EinsumDense '{Name}': output dimension '{orphan}' of equation '{Equation}' appears in neither the input spec '{inSpec}' nor the kernel spec '{kSpec}'.");

        var kernel = new long[kSpec.Length];
        for (int i = 0; i < kSpec.Length; i++)
        {
            char c = kSpec[i];
            long? dim = inSpec.Contains(c) ? input[Spec.InputAxis(inSpec.IndexOf(c), input.Rank)]
                : outSpec.Contains(c) ? output[OutAxis(c)]
                : throw new KerasNetException($"EinsumDense '{Name}': kernel dimension '{c}' of equation '{Equation}' matches neither the input spec '{inSpec}' nor the output spec '{outSpec}'.");
            kernel[i] = dim ?? throw new KerasNetException($"EinsumDense '{Name}': kernel dimension '{c}' is unknown for input shape {input} and output shape {new Shape(output)}; it must be known.");
        }

        long[]? bias = null;
        if (BiasAxes is { } axes)
        {
            int first = axes.Min(c => outSpec.IndexOf(c));
            bias = [.. outSpec[first..].Select(c => axes.Contains(c)
                    ? output[OutAxis(c)] ?? throw new KerasNetException($"EinsumDense '{Name}': bias dimension '{c}' is unknown for output shape {new Shape(output)}.")
                    : 1L),
                .. Enumerable.Repeat(1L, Spec.LeftElided ? 0 : elided)];
        }
        return (kernel, bias, new Shape(output));
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["output_shape"] = ShapeToJson(PartialOutputShape);
        c["equation"] = Equation;
        c["activation"] = Activation.ToConfig();
        c["bias_axes"] = BiasAxes;
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["bias_initializer"] = BiasInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["bias_regularizer"] = BiasRegularizer?.ToConfig();
        c["activity_regularizer"] = null;
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        c["bias_constraint"] = BiasConstraint?.ToConfig();
        c["quantization_config"] = null;
        return c;
    }

    /// <summary>The three letter specs of an equation and where its ellipsis is.</summary>
    private sealed partial record EquationSpec(string Input, string Kernel, string Output, bool Elided, bool LeftElided)
    {
        public static EquationSpec Parse(string equation, string layer)
        {
            var e = equation.Replace("...", "0");
            if (Plain().Match(e) is { Success: true } m) return new(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, false, false);
            if (Left().Match(e) is { Success: true } l) return new(l.Groups[1].Value, l.Groups[2].Value, l.Groups[3].Value, true, true);
            if (Right().Match(e) is { Success: true } r) return new(r.Groups[1].Value, r.Groups[2].Value, r.Groups[3].Value, true, false);
            throw new KerasNetException($"EinsumDense '{layer}': invalid einsum equation '{equation}'. Equations must be in the form " +
                "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....");
        }

        /// <summary>The input axis of letter <paramref name="index"/> of the input spec, for an input of rank <paramref name="rank"/>.</summary>
        public int InputAxis(int index, int rank) => LeftElided ? rank - Input.Length + index : index;

        [GeneratedRegex("^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)$")]
        private static partial Regex Plain();

        [GeneratedRegex("^0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)$")]
        private static partial Regex Left();

        [GeneratedRegex("^([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0$")]
        private static partial Regex Right();
    }
}
