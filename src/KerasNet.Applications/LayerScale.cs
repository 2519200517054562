using System.Text.Json.Nodes;
using KerasNet.Initializers;
using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>
/// ConvNeXt's layer scale (Keras <c>keras.applications.convnext.LayerScale</c>; Touvron et al., 2021): multiplies the
/// last axis by a trainable vector <c>gamma</c> of size <see cref="ProjectionDim"/>, initialized to <see cref="InitValues"/>.
/// </summary>
public sealed class LayerScale : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="initValues">Initial value of every scale.</param>
    /// <param name="projectionDim">Size of the last axis of the input.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the scales are trained.</param>
    public LayerScale(double initValues, int projectionDim, string? name = null, bool trainable = true) : base(name, trainable)
    {
        if (projectionDim < 1) throw new KerasNetException($"LayerScale '{Name}': projectionDim must be positive; got {projectionDim}.");
        InitValues = initValues;
        ProjectionDim = projectionDim;
    }

    /// <summary>Initial value of every scale.</summary>
    public double InitValues { get; }

    /// <summary>Size of the last axis of the input, and of <see cref="Gamma"/>.</summary>
    public int ProjectionDim { get; }

    /// <summary>The scales.</summary>
    public KerasVariable Gamma { get; private set; } = null!;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        if (inputShape[-1] is long last && last != ProjectionDim)
            throw new KerasNetException($"LayerScale '{Name}': the last axis of input shape {inputShape} must have size projectionDim = {ProjectionDim}.");
        Gamma = AddWeight("gamma", Shape.Of(ProjectionDim), new Constant(InitValues));
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs.mul(Gamma.Value);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["init_values"] = InitValues;
        c["projection_dim"] = ProjectionDim;
        return c;
    }
}
