using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Turns integer indices in [0, input_dim) into rows of an <c>(input_dim, output_dim)</c> table (Keras
/// <c>Embedding</c>). Inputs of any shape (int64 preferred; floats holding integers are converted); the output adds
/// a last axis of size <see cref="OutputDim"/>. With <see cref="MaskZero"/>, the output mask is <c>input != 0</c>
/// (row 0 is still an ordinary row).
/// </summary>
public sealed class Embedding : Layer
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="inputDim">Vocabulary size (largest index + 1).</param>
    /// <param name="outputDim">Size of each embedding vector.</param>
    /// <param name="embeddingsInitializer">Table initializer (Keras <c>uniform</c>: U(−0.05, 0.05)).</param>
    /// <param name="embeddingsRegularizer">Table penalty.</param>
    /// <param name="embeddingsConstraint">Table projection.</param>
    /// <param name="maskZero">Whether index 0 marks padding (output mask <c>input != 0</c>).</param>
    /// <param name="weights">Initial table, <c>(inputDim, outputDim)</c> (Keras <c>weights</c>).</param>
    /// <param name="loraRank">Keras's LoRA option; not supported (must be null).</param>
    /// <param name="inputLength">Keras 2's sequence length: the per-sample input shape <c>(inputLength,)</c> when no input shape is given.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the table is trained.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public Embedding(int inputDim, int outputDim, Initializer? embeddingsInitializer = null, Regularizer? embeddingsRegularizer = null,
        Constraint? embeddingsConstraint = null, bool maskZero = false, Tensor? weights = null, int? loraRank = null, int? inputLength = null,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape ?? (inputLength is int n ? Shape.Of(n) : null))
    {
        if (inputDim <= 0 || outputDim <= 0)
            throw new KerasNetException($"Embedding '{Name}': inputDim and outputDim must be positive, got inputDim={inputDim}, outputDim={outputDim}.");
        if (loraRank is not null) throw new NotSupportedException($"Embedding '{Name}': loraRank (LoRA) is not supported.");
        InputDim = inputDim;
        OutputDim = outputDim;
        EmbeddingsInitializer = embeddingsInitializer ?? new RandomUniform(-0.05, 0.05);
        EmbeddingsRegularizer = embeddingsRegularizer;
        EmbeddingsConstraint = embeddingsConstraint;
        MaskZero = maskZero;
        if (weights is not null)
        {
            EnsureBuilt(new Shape([null, null])); // the table does not depend on the input shape
            Embeddings.Assign(weights);
        }
    }

    /// <summary>Vocabulary size.</summary>
    public int InputDim { get; }
    /// <summary>Size of each embedding vector.</summary>
    public int OutputDim { get; }
    /// <summary>Table initializer.</summary>
    public Initializer EmbeddingsInitializer { get; }
    /// <summary>Table penalty.</summary>
    public Regularizer? EmbeddingsRegularizer { get; }
    /// <summary>Table projection.</summary>
    public Constraint? EmbeddingsConstraint { get; }
    /// <summary>Whether index 0 is masked out.</summary>
    public bool MaskZero { get; }

    /// <summary>The table, <c>(input_dim, output_dim)</c>.</summary>
    public KerasVariable Embeddings { get; private set; } = null!;

    /// <inheritdoc />
    public override bool SupportsMasking => MaskZero;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        Embeddings = AddWeight("embeddings", Shape.Of(InputDim, OutputDim), EmbeddingsInitializer,
            regularizer: EmbeddingsRegularizer, constraint: EmbeddingsConstraint);
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        var indices = inputs.dtype == ScalarType.Int64 ? inputs : inputs.to(ScalarType.Int64);
        var rows = Embeddings.Value.index_select(0, indices.reshape(-1));
        return rows.reshape([.. inputs.shape, OutputDim]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) =>
        MaskZero ? [inputs[0].ne(0)] : null;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => [new Shape([.. inputShapes[0], OutputDim])];

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["input_dim"] = InputDim;
        c["output_dim"] = OutputDim;
        c["embeddings_initializer"] = EmbeddingsInitializer.ToConfig();
        c["embeddings_regularizer"] = EmbeddingsRegularizer?.ToConfig();
        c["activity_regularizer"] = null;
        c["embeddings_constraint"] = EmbeddingsConstraint?.ToConfig();
        c["mask_zero"] = MaskZero;
        return c;
    }
}
