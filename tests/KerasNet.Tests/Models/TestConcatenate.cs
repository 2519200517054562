using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

/// <summary>
/// A minimal merge layer for graph tests (the real Concatenate lives on another branch): joins its inputs
/// along the last axis. Its config key <c>tag</c> lets config-reader tests check that arguments arrive.
/// </summary>
public sealed class TestConcatenate(string? name = null, string tag = "") : Layer(name)
{
    /// <summary>A free-form argument, read back by the tests.</summary>
    public string Tag { get; } = tag;

    /// <summary>The call arguments of the last call (Keras node kwargs).</summary>
    public IReadOnlyDictionary<string, object?> LastArguments { get; private set; } = new Dictionary<string, object?>();

    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count < 2)
            throw new KerasNetException($"TestConcatenate '{Name}' needs at least 2 inputs, got {inputShapes.Count}.");
    }

    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        LastArguments = context.Arguments;
        return [cat(inputs.ToList(), -1)];
    }

    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        var last = inputShapes.Select(s => s[-1]).ToList();
        long? total = last.All(d => d.HasValue) ? last.Sum(d => d!.Value) : null;
        return [new Shape([.. inputShapes[0].Take(inputShapes[0].Rank - 1), total])];
    }
}
