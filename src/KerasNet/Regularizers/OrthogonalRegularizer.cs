using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary>
/// Pushes the rows (<c>mode = "rows"</c>) or columns (<c>"columns"</c>) of a 2-D weight towards mutual
/// orthogonality (Keras <c>OrthogonalRegularizer</c>): <c>factor · ½ · Σ_{i≠j}|⟨v̂ᵢ, v̂ⱼ⟩| / (n(n−1)/2)</c>,
/// where v̂ are the L2-normalised vectors (norm floored at Keras's epsilon 1e-7).
/// </summary>
public sealed class OrthogonalRegularizer : Regularizer
{
    private const double Epsilon = 1e-7;

    /// <summary>Creates the regularizer.</summary>
    /// <param name="factor">Penalty factor (default 0.01).</param>
    /// <param name="mode"><c>rows</c> (default) or <c>columns</c>.</param>
    public OrthogonalRegularizer(double factor = 0.01, string mode = "rows")
    {
        Factor = CheckFactor(factor, "OrthogonalRegularizer", "factor");
        if (mode is not ("rows" or "columns"))
            throw new KerasNetException($"OrthogonalRegularizer: 'mode' must be 'rows' or 'columns', got '{mode}'.");
        Mode = mode;
    }

    /// <summary>The penalty factor.</summary>
    public double Factor { get; }

    /// <summary><c>rows</c> or <c>columns</c>.</summary>
    public string Mode { get; }

    /// <inheritdoc />
    public override string ClassName => "OrthogonalRegularizer";

    /// <inheritdoc />
    public override Tensor Call(Tensor weight)
    {
        if (weight.dim() != 2)
            throw new KerasNetException($"OrthogonalRegularizer needs a rank-2 weight; got shape {Shape.Of(weight.shape)}.");
        using var scope = NewDisposeScope();
        var v = Mode == "rows" ? weight : weight.t();
        v = v * v.square().sum(1, keepdim: true).rsqrt().clamp_max(1.0 / Epsilon);
        long n = v.shape[0];
        var product = v.matmul(v.t());
        var offDiagonal = product.mul_(1.0 - eye(n, dtype: weight.dtype, device: weight.device));
        double pairs = n * (n - 1.0) / 2.0;
        return offDiagonal.abs_().sum().mul_(Factor * 0.5 / pairs).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["factor"] = Factor, ["mode"] = Mode };
}
