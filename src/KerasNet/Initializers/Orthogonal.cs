using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>
/// An orthogonal matrix times <c>gain</c> (Keras <c>Orthogonal</c>). The shape is viewed as the matrix
/// (prod(shape[:-1]), shape[-1]); a standard normal matrix of the taller orientation is QR-factorised, the
/// columns of Q are multiplied by the signs of R's diagonal, and Q is transposed back when the matrix is
/// wide. Tall matrices get orthonormal columns, wide ones orthonormal rows.
/// </summary>
public sealed class Orthogonal(double gain = 1.0, int? seed = null) : RandomInitializer(seed)
{
    /// <summary>Multiplicative factor.</summary>
    public double Gain { get; } = gain;

    /// <inheritdoc />
    public override string ClassName => "Orthogonal";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32)
    {
        if (shape.Length < 2)
            throw new KerasNetException($"Orthogonal initializer needs a shape of rank ≥ 2; got {Shape.Of(shape)} of rank {shape.Length}.");
        CheckFloat(dtype);
        long rows = shape[..^1].Aggregate(1L, (a, b) => a * b), cols = shape[^1];
        using var scope = NewDisposeScope();
        using var g = NewGenerator();
        var a = randn([Math.Max(rows, cols), Math.Min(rows, cols)], dtype: SamplingType(dtype), generator: g);
        var (q, r) = linalg.qr(a);
        q = q * r.diagonal().sign();
        if (rows < cols) q = q.t();
        return (q.reshape(shape) * Gain).to(dtype, Engine.Device).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["gain"] = Gain;
        return c;
    }
}
