using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Saving;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Saving;

/// <summary>
/// Every built-in layer in <see cref="LayerRegistry"/>: a representative instance (non-default arguments where it has
/// them), built, goes <c>GetConfig → FromConfig → GetConfig</c> with its <c>build_config</c> and comes back with the same
/// config, the same build and weights of the same shapes — and, given the same weights, the same output.
/// </summary>
public class LayerRegistryRoundTripTests
{
    /// <summary>A layer to round-trip and the input shapes to build it for (none: it stays unbuilt).</summary>
    private sealed record Case(Func<Layer> Create, params Shape[] Build);

    private static readonly Shape Flat = [null, 4];
    private static readonly Shape Steps = [null, 5, 4];
    private static readonly Shape Image = [null, 6, 6, 3];
    private static readonly Shape Volume = [null, 4, 4, 4, 2];

    private static readonly Dictionary<Type, Case> Cases = new()
    {
        [typeof(Activation)] = new(() => new Activation("tanh"), Flat),
        [typeof(ELU)] = new(() => new ELU(alpha: 0.5), Flat),
        [typeof(LeakyReLU)] = new(() => new LeakyReLU(negativeSlope: 0.2), Flat),
        [typeof(PReLU)] = new(() => new PReLU(alphaInitializer: "ones", sharedAxes: new[] { 1 }), Steps),
        [typeof(ReLU)] = new(() => new ReLU(maxValue: 6, negativeSlope: 0.1, threshold: 0.5), Flat),
        [typeof(Softmax)] = new(() => new Softmax(axis: 1), Steps),
        [typeof(ThresholdedReLU)] = new(() => new ThresholdedReLU(theta: 0.5), Flat),
        [typeof(Attention)] = new(() => new Attention(useScale: true, scoreMode: "concat", dropout: 0.1), Steps, Steps),
        [typeof(AdditiveAttention)] = new(() => new AdditiveAttention(useScale: false), Steps, Steps),
        [typeof(MultiHeadAttention)] = new(() => new MultiHeadAttention(numHeads: 2, keyDim: 3, valueDim: 2, outputShape: [5], kernelRegularizer: "l2"), Steps, [null, 7, 6]),
        [typeof(Conv1D)] = new(() => new Conv1D(3, 2, strides: 1, padding: "causal", dilationRate: 2, activation: "relu"), Steps),
        [typeof(Conv2D)] = new(() => new Conv2D(4, new[] { 3, 2 }, strides: 2, padding: "same", dataFormat: "channels_first", useBias: false), [null, 3, 6, 6]),
        [typeof(Conv3D)] = new(() => new Conv3D(2, 2, kernelInitializer: "he_normal"), Volume),
        [typeof(Conv1DTranspose)] = new(() => new Conv1DTranspose(3, 3, strides: 2), Steps),
        [typeof(Conv2DTranspose)] = new(() => new Conv2DTranspose(2, 3, strides: 2, padding: "same"), Image),
        [typeof(Conv3DTranspose)] = new(() => new Conv3DTranspose(2, 2), Volume),
        [typeof(DepthwiseConv1D)] = new(() => new DepthwiseConv1D(3, depthMultiplier: 2), Steps),
        [typeof(DepthwiseConv2D)] = new(() => new DepthwiseConv2D(3, depthMultiplier: 2, padding: "same"), Image),
        [typeof(SeparableConv1D)] = new(() => new SeparableConv1D(4, 3, depthMultiplier: 2), Steps),
        [typeof(SeparableConv2D)] = new(() => new SeparableConv2D(4, 3, padding: "same"), Image),
        [typeof(Dense)] = new(() => new Dense(3, activation: "relu", biasInitializer: "ones", kernelRegularizer: "l1", kernelConstraint: "unit_norm"), Flat),
        [typeof(EinsumDense)] = new(() => new EinsumDense("abc,cd->abd", [null, 6], biasAxes: "d"), Steps),
        [typeof(Embedding)] = new(() => new Embedding(10, 3, embeddingsInitializer: "uniform", maskZero: true), [null, 5]),
        [typeof(Identity)] = new(() => new Identity(), Flat),
        [typeof(InputLayer)] = new(() => new InputLayer(shape: [3, 2], name: "input_case")),
        [typeof(Lambda)] = new(() => new Lambda("round_trip_double"), Flat),
        [typeof(Masking)] = new(() => new Masking(maskValue: -1), Steps),
        [typeof(Add)] = new(() => new Add(), Flat, Flat),
        [typeof(Average)] = new(() => new Average(), Flat, Flat),
        [typeof(Concatenate)] = new(() => new Concatenate(axis: 1), Steps, [null, 2, 4]),
        [typeof(Dot)] = new(() => new Dot(axes: new[] { 2, 2 }, normalize: true), Steps, Steps),
        [typeof(Maximum)] = new(() => new Maximum(), Flat, Flat),
        [typeof(Minimum)] = new(() => new Minimum(), Flat, Flat),
        [typeof(Multiply)] = new(() => new Multiply(), Flat, Flat),
        [typeof(Subtract)] = new(() => new Subtract(), Flat, Flat),
        [typeof(BatchNormalization)] = new(() => new BatchNormalization(axis: 1, momentum: 0.9, epsilon: 1e-2, center: false, gammaConstraint: "non_neg"), Image),
        [typeof(GroupNormalization)] = new(() => new GroupNormalization(groups: 2), Steps),
        [typeof(LayerNormalization)] = new(() => new LayerNormalization(axis: new[] { 1, 2 }, epsilon: 1e-5, rmsScaling: true), Steps),
        [typeof(UnitNormalization)] = new(() => new UnitNormalization(axis: new[] { 1, 2 }), Steps),
        [typeof(AveragePooling1D)] = new(() => new AveragePooling1D(poolSize: 2, padding: "same"), Steps),
        [typeof(AveragePooling2D)] = new(() => new AveragePooling2D(poolSize: 3, strides: 1), Image),
        [typeof(AveragePooling3D)] = new(() => new AveragePooling3D(), Volume),
        [typeof(MaxPooling1D)] = new(() => new MaxPooling1D(poolSize: 3), Steps),
        [typeof(MaxPooling2D)] = new(() => new MaxPooling2D(padding: "same"), Image),
        [typeof(MaxPooling3D)] = new(() => new MaxPooling3D(), Volume),
        [typeof(GlobalAveragePooling1D)] = new(() => new GlobalAveragePooling1D(keepdims: true), Steps),
        [typeof(GlobalAveragePooling2D)] = new(() => new GlobalAveragePooling2D(), Image),
        [typeof(GlobalAveragePooling3D)] = new(() => new GlobalAveragePooling3D(), Volume),
        [typeof(GlobalMaxPooling1D)] = new(() => new GlobalMaxPooling1D(), Steps),
        [typeof(GlobalMaxPooling2D)] = new(() => new GlobalMaxPooling2D(keepdims: true), Image),
        [typeof(GlobalMaxPooling3D)] = new(() => new GlobalMaxPooling3D(), Volume),
        [typeof(Normalization)] = new(() => new Normalization(mean: tensor(new[] { 1f, 2f, 3f, 4f }), variance: tensor(new[] { 1f, 4f, 9f, 16f })), Flat),
        [typeof(Rescaling)] = new(() => new Rescaling(1 / 255.0, offset: -1), Image),
        [typeof(ActivityRegularization)] = new(() => new ActivityRegularization(l1: 0.01), Flat),
        [typeof(AlphaDropout)] = new(() => new AlphaDropout(0.2), Flat),
        [typeof(Dropout)] = new(() => new Dropout(0.3, noiseShape: [null, 1, 4]), Steps),
        [typeof(GaussianDropout)] = new(() => new GaussianDropout(0.2), Flat),
        [typeof(GaussianNoise)] = new(() => new GaussianNoise(0.5), Flat),
        [typeof(SpatialDropout1D)] = new(() => new SpatialDropout1D(0.2), Steps),
        [typeof(SpatialDropout2D)] = new(() => new SpatialDropout2D(0.2), Image),
        [typeof(SpatialDropout3D)] = new(() => new SpatialDropout3D(0.2), Volume),
        [typeof(Cropping1D)] = new(() => new Cropping1D((1, 2)), Steps),
        [typeof(Cropping2D)] = new(() => new Cropping2D(((1, 0), (0, 2))), Image),
        [typeof(Cropping3D)] = new(() => new Cropping3D(1), Volume),
        [typeof(Flatten)] = new(() => new Flatten(), Image),
        [typeof(Permute)] = new(() => new Permute([2, 1]), Steps),
        [typeof(RepeatVector)] = new(() => new RepeatVector(3), Flat),
        [typeof(Reshape)] = new(() => new Reshape([2, -1]), Flat),
        [typeof(UpSampling1D)] = new(() => new UpSampling1D(3), Steps),
        [typeof(UpSampling2D)] = new(() => new UpSampling2D(size: new[] { 2, 1 }, interpolation: "bilinear"), Image),
        [typeof(UpSampling3D)] = new(() => new UpSampling3D(), Volume),
        [typeof(ZeroPadding1D)] = new(() => new ZeroPadding1D((2, 1)), Steps),
        [typeof(ZeroPadding2D)] = new(() => new ZeroPadding2D(((1, 2), (0, 1))), Image),
        [typeof(ZeroPadding3D)] = new(() => new ZeroPadding3D(1), Volume),
        [typeof(TimeDistributed)] = new(() => new TimeDistributed(new Dense(2, activation: "sigmoid")), Steps),
    };

    private static IEnumerable<string> BuiltInNames() =>
        LayerRegistry.Names.Where(n => LayerRegistry.Find(n).Type is { } t && t.Assembly == typeof(Layer).Assembly);

    [Test]
    public void EveryBuiltInLayerHasACase()
    {
        var missing = BuiltInNames().Select(n => LayerRegistry.Find(n).Type!).Distinct().Where(t => !Cases.ContainsKey(t)).Select(t => t.Name);
        Assert.That(missing, Is.Empty, "add a representative instance for every registered layer");
    }

    [TestCaseSource(nameof(BuiltInNames))]
    public void ConfigRoundTrips(string className)
    {
        Lambda.Register("round_trip_double", t => t * 2);
        var type = LayerRegistry.Find(className).Type!;
        if (!Cases.TryGetValue(type, out var c)) Assert.Ignore($"no case for {type.Name} (EveryBuiltInLayerHasACase fails)");
        using var layer = c.Create();
        if (c.Build.Length > 0) layer.EnsureBuilt(c.Build);
        var config = layer.GetConfig();
        var buildConfig = layer.GetBuildConfig();
        Assert.That(buildConfig is null, Is.EqualTo(c.Build.Length == 0), "layers built for shapes have a build_config (an InputLayer has none, as in Keras)");

        var entry = new JsonObject { ["class_name"] = className, ["config"] = config.DeepClone(), ["build_config"] = buildConfig?.DeepClone() };
        using var copy = LayerDeserializer.FromEntry(entry, null);
        Assert.That(copy.GetType(), Is.EqualTo(type));
        Assert.That(copy.GetConfig().ToJsonString(), Is.EqualTo(config.ToJsonString()), "GetConfig → FromConfig → GetConfig");
        Assert.That(copy.Built, Is.EqualTo(layer.Built));
        Assert.That(copy.GetBuildConfig()?.ToJsonString(), Is.EqualTo(buildConfig?.ToJsonString()));
        Assert.That(copy.Weights.Select(w => (w.Path, w.Shape.ToString(), w.Trainable)),
            Is.EqualTo(layer.Weights.Select(w => (w.Path, w.Shape.ToString(), w.Trainable))));
        if (c.Build.Length == 0 || layer.CallArgumentNames.Count > 1) return;

        // The same weights give the same output.
        RandomSeed.Set(1);
        var inputs = c.Build.Select(s => layer is Embedding
            ? randint(0, 10, [2, .. s.Skip(1).Select(d => d!.Value)])
            : randn([2, .. s.Skip(1).Select(d => d!.Value)])).ToList();
        copy.SetWeights(layer.GetWeights());
        Assert.That(copy.Apply(inputs).allclose(layer.Apply(inputs)), Is.True);
    }
}
