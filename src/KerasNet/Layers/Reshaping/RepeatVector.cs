using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Repeats <c>(batch, features)</c> inputs <see cref="N"/> times into <c>(batch, n, features)</c> (Keras <c>RepeatVector</c>).</summary>
public sealed class RepeatVector : Layer
{
    /// <summary>Creates the layer.</summary>
    public RepeatVector(int n, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (n <= 0) throw new KerasNetException($"RepeatVector '{Name}': n must be positive, got {n}.");
        N = n;
        InputSpec = new InputSpec(Rank: 2);
    }

    /// <summary>The number of repetitions.</summary>
    public int N { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs.unsqueeze(1).repeat(1, N, 1);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        [new Shape([inputShapes[0][0], N, inputShapes[0][1]])];

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["n"] = N;
        return c;
    }
}
