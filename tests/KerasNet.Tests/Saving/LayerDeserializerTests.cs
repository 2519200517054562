using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Regularizers;
using KerasNet.Saving;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Saving;

public class LayerDeserializerTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Test]
    public void Keras2DenseConfigWithEveryKeyBuildsTheLayer()
    {
        // A Dense config exactly as Keras 2.1.2 writes it (glorot_uniform is serialized as VarianceScaling).
        var dense = (Dense)LayerDeserializer.FromConfig("Dense", Json("""
            {"name": "dense_1", "trainable": true, "batch_input_shape": [null, 4], "dtype": "float32",
             "units": 3, "activation": "relu", "use_bias": true,
             "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": null}},
             "bias_initializer": {"class_name": "Zeros", "config": {}},
             "kernel_regularizer": {"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.01}},
             "bias_regularizer": null, "activity_regularizer": null,
             "kernel_constraint": {"class_name": "MaxNorm", "config": {"max_value": 2, "axis": 0}},
             "bias_constraint": null}
            """), "2.1.2");

        Assert.That(dense.Name, Is.EqualTo("dense_1"));
        Assert.That(dense.Units, Is.EqualTo(3));
        Assert.That(dense.Activation.Name, Is.EqualTo("relu"));
        Assert.That(dense.BatchInputShape, Is.EqualTo(new Shape([null, 4])));
        var init = (VarianceScaling)dense.KernelInitializer;
        Assert.That((init.Scale, init.Mode, init.Distribution), Is.EqualTo((1.0, "fan_avg", "uniform")));
        Assert.That(dense.BiasInitializer, Is.InstanceOf<Zeros>());
        var reg = (L1L2)dense.KernelRegularizer!;
        Assert.That((reg.L1, reg.L2), Is.EqualTo((0.0, 0.01)));
        Assert.That(dense.BiasRegularizer, Is.Null);
        Assert.That(((MaxNorm)dense.KernelConstraint!).MaxValue, Is.EqualTo(2.0));
    }

    [Test]
    public void Keras3DenseConfigWithModuleDictsAndDTypePolicyBuildsTheLayer()
    {
        var dense = (Dense)LayerDeserializer.FromConfig("Dense", Json("""
            {"name": "dense", "trainable": false,
             "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null},
             "units": 2, "activation": {"module": "keras.activations", "class_name": "function", "config": "tanh", "registered_name": "tanh"},
             "use_bias": false,
             "kernel_initializer": {"module": "keras.initializers", "class_name": "Constant", "config": {"value": 0.5}, "registered_name": null},
             "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
             "kernel_regularizer": {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.001}, "registered_name": null},
             "bias_regularizer": null, "kernel_constraint": null, "bias_constraint": null, "lora_rank": null}
            """));

        Assert.That(dense.Activation.Name, Is.EqualTo("tanh"));
        Assert.That(dense.UseBias, Is.False);
        Assert.That(dense.Trainable, Is.False);
        Assert.That(((Constant)dense.KernelInitializer).Value, Is.EqualTo(0.5));
        Assert.That(((L2)dense.KernelRegularizer!).Factor, Is.EqualTo(0.001));
    }

    [Test]
    public void ActivationsMeanWhatTheWritingKerasVersionMeant()
    {
        // Keras 2's hard_sigmoid is clip(0.2x + 0.5, 0, 1); Keras 3's is relu6(x + 3) / 6. At x = 1: 0.7 vs 4/6.
        var keras2 = (Activation)LayerDeserializer.FromConfig("Activation", Json("""{"activation": "hard_sigmoid"}"""), "2.1.2");
        var keras3 = (Activation)LayerDeserializer.FromConfig("Activation", Json("""{"activation": "hard_sigmoid"}"""));
        using var x = tensor(new[] { 1f }).reshape(1, 1);
        Assert.That(keras2.Apply(x).item<float>(), Is.EqualTo(0.7f).Within(1e-6));
        Assert.That(keras3.Apply(x).item<float>(), Is.EqualTo(4f / 6f).Within(1e-6));
    }

    [Test]
    public void UnknownKeyIsRefusedNamingLayerKeyAndValue()
    {
        var e = Assert.Throws<NotSupportedException>(() =>
            LayerDeserializer.FromConfig("Dense", Json("""{"name": "d", "units": 2, "kernel_quantizer": "int8"}""")));
        Assert.That(e!.Message, Does.Contain("Layer 'd' (Dense)").And.Contain("'kernel_quantizer'").And.Contain("\"int8\""));
    }

    [Test]
    public void HarmlessKeysAreDroppedOnlyWithTheirDefaultValue()
    {
        Assert.That(LayerDeserializer.FromConfig("Dense", Json("""{"units": 2, "lora_rank": null, "activity_regularizer": null}""")), Is.InstanceOf<Dense>());
        var e = Assert.Throws<NotSupportedException>(() => LayerDeserializer.FromConfig("Dense", Json("""{"name": "d", "units": 2, "lora_rank": 4}""")));
        Assert.That(e!.Message, Does.Contain("'lora_rank' = 4"));
    }

    [Test]
    public void ArgumentTheLayerRefusesStillFails()
    {
        // Dense has the activity_regularizer parameter, so a non-null value reaches it and is refused there.
        Assert.Throws<NotSupportedException>(() => LayerDeserializer.FromConfig("Dense", Json("""{"units": 2, "activity_regularizer": "l2"}""")));
    }

    [TestCase("\"float16\"")]
    [TestCase("""{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "mixed_float16"}, "registered_name": null}""")]
    public void NonFloat32DTypeIsNotSupported(string dtype)
    {
        var e = Assert.Throws<NotSupportedException>(() => LayerDeserializer.FromConfig("Dense", Json($$"""{"name": "d", "units": 2, "dtype": {{dtype}}}""")));
        Assert.That(e!.Message, Does.Contain("Layer 'd' (Dense)").And.Contain("float"));
    }

    [Test]
    public void MissingRequiredArgumentNamesTheKey()
    {
        var e = Assert.Throws<KerasNetException>(() => LayerDeserializer.FromConfig("Dense", Json("""{"name": "d", "activation": "relu"}""")));
        Assert.That(e!.Message, Does.Contain("Layer 'd' (Dense)").And.Contain("'units'"));
    }

    [Test]
    public void BadValueTypeNamesTheKey()
    {
        var e = Assert.Throws<KerasNetException>(() => LayerDeserializer.FromConfig("Dense", Json("""{"name": "d", "units": "two"}""")));
        Assert.That(e!.Message, Does.Contain("'units'").And.Contain("\"two\""));
    }

    [Test]
    public void UnknownClassIsRefusedWithTheKnownNames()
    {
        var e = Assert.Throws<NotSupportedException>(() => LayerDeserializer.FromConfig("Capsule", Json("""{"name": "caps"}""")));
        Assert.That(e!.Message, Does.Contain("'Capsule'").And.Contain("LayerRegistry.Register").And.Contain("Dense"));
    }

    [Test]
    public void TrainableIsAppliedWhenTheConstructorHasNoSuchParameter()
    {
        var dropout = LayerDeserializer.FromConfig("Dropout", Json("""{"name": "drop", "rate": 0.25, "trainable": false, "noise_shape": null, "seed": null}"""));
        Assert.That(dropout.Trainable, Is.False);
        Assert.That(((Dropout)dropout).Rate, Is.EqualTo(0.25));
    }

    [Test]
    public void InputLayerReadsKeras2AndKeras3Shapes()
    {
        var k2 = (InputLayer)LayerDeserializer.FromConfig("InputLayer", Json("""{"batch_input_shape": [null, 5, 2], "dtype": "int32", "name": "tokens", "sparse": false}"""));
        var k3 = (InputLayer)LayerDeserializer.FromConfig("InputLayer", Json("""{"batch_shape": [8, 3], "dtype": "float32", "sparse": false, "ragged": false, "name": "x", "optional": false}"""));
        Assert.That(k2.BatchInputShape, Is.EqualTo(new Shape([null, 5, 2])));
        Assert.That(k2.DType, Is.EqualTo(ScalarType.Int64));
        Assert.That(k3.BatchInputShape, Is.EqualTo(new Shape([8, 3])));
        Assert.That(k3.Output.Shape, Is.EqualTo(new Shape([8, 3])));
    }

    [Test]
    public void ShapeKeysBecomeTheLayersInputShape()
    {
        var withBatch = LayerDeserializer.FromConfig("Dense", Json("""{"units": 2, "batch_input_shape": [16, 4]}"""));
        var fromInputDim = LayerDeserializer.FromConfig("Reshape", Json("""{"target_shape": [2, 2], "input_dim": 4}"""));
        var fromInputShape = LayerDeserializer.FromConfig("Flatten", Json("""{"input_shape": [3, 2]}"""));
        Assert.That(withBatch.BatchInputShape, Is.EqualTo(new Shape([16, 4])));
        Assert.That(fromInputDim.BatchInputShape, Is.EqualTo(new Shape([null, 4])));
        Assert.That(fromInputShape.BatchInputShape, Is.EqualTo(new Shape([null, 3, 2])));
        Assert.That(((Reshape)fromInputDim).TargetShape, Is.EqualTo(new long[] { 2, 2 }));
    }

    [Test]
    public void FixedBatchSizeOnALayerWithoutBatchSizeIsRefused()
    {
        var e = Assert.Throws<NotSupportedException>(() => LayerDeserializer.FromConfig("Flatten", Json("""{"name": "f", "batch_input_shape": [16, 3, 2]}""")));
        Assert.That(e!.Message, Does.Contain("'batch_size' = 16"));
    }

    // ------------------------------------------------------------ conversions and custom layers

    public enum Mode { FanIn, FanOut }

    /// <summary>A test layer whose constructor takes one parameter of each convertible kind.</summary>
    public sealed class ConversionProbe(IntTuple kernelSize, Shape targetShape, long[] dims, (int, int)[] cropping, Mode mode,
        double epsilon = 1e-3, bool center = true, int? seed = null, IReadOnlyList<string>? tags = null, Layer? inner = null, string? name = null)
        : Layer(name)
    {
        public IntTuple KernelSize { get; } = kernelSize;
        public Shape TargetShape { get; } = targetShape;
        public long[] Dims { get; } = dims;
        public (int, int)[] Cropping { get; } = cropping;
        public Mode Mode { get; } = mode;
        public double Epsilon { get; } = epsilon;
        public bool Center { get; } = center;
        public int? Seed { get; } = seed;
        public IReadOnlyList<string>? Tags { get; } = tags;
        public Layer? Inner { get; } = inner;
    }

    [Test]
    public void ValuesConvertToEveryParameterKind()
    {
        LayerRegistry.Register<ConversionProbe>("KerasNetTests>ConversionProbe");
        var probe = (ConversionProbe)LayerDeserializer.FromConfig("KerasNetTests>ConversionProbe", Json("""
            {"name": "probe", "kernel_size": [3, 5], "target_shape": [null, 4], "dims": [2, 1], "cropping": [[1, 0], 2],
             "mode": "fan_out", "epsilon": 1, "center": false, "seed": 7, "tags": ["a", "b"],
             "inner": {"class_name": "Dense", "config": {"name": "inner_dense", "units": 3}}}
            """));

        Assert.That(probe.KernelSize, Is.EqualTo(new[] { 3, 5 }));
        Assert.That(probe.TargetShape, Is.EqualTo(new Shape([null, 4])));
        Assert.That(probe.Dims, Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(probe.Cropping, Is.EqualTo(new[] { (1, 0), (2, 2) }), "a single number fills a tuple, as Keras does");
        Assert.That(probe.Mode, Is.EqualTo(Mode.FanOut));
        Assert.That((probe.Epsilon, probe.Center, probe.Seed), Is.EqualTo((1.0, false, (int?)7)));
        Assert.That(probe.Tags, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(probe.Inner, Is.InstanceOf<Dense>());
        Assert.That(probe.Inner!.Name, Is.EqualTo("inner_dense"));
    }

    [Test]
    public void SingleNumberBecomesAOneElementTuple()
    {
        LayerRegistry.Register<ConversionProbe>("KerasNetTests>ConversionProbe");
        var probe = (ConversionProbe)LayerDeserializer.FromConfig("KerasNetTests>ConversionProbe",
            Json("""{"kernel_size": 3, "target_shape": 6, "dims": 1, "cropping": 1, "mode": "FanIn"}"""));
        Assert.That(probe.KernelSize.Expand(2, "probe", "kernel_size"), Is.EqualTo(new[] { 3, 3 }));
        Assert.That(probe.TargetShape, Is.EqualTo(new Shape([6])));
        Assert.That(probe.Dims, Is.EqualTo(new long[] { 1 }));
        Assert.That(probe.Cropping, Is.EqualTo(new[] { (1, 1) }));
    }

    [Test]
    public void BadEnumValueListsTheChoices()
    {
        LayerRegistry.Register<ConversionProbe>("KerasNetTests>ConversionProbe");
        var e = Assert.Throws<KerasNetException>(() => LayerDeserializer.FromConfig("KerasNetTests>ConversionProbe",
            Json("""{"kernel_size": 3, "target_shape": 6, "dims": 1, "cropping": 1, "mode": "fan_avg"}""")));
        Assert.That(e!.Message, Does.Contain("'mode'").And.Contain("fan_in, fan_out"));
    }

    /// <summary>A custom layer whose config does not map onto its constructor, so it reads the config itself.</summary>
    public sealed class ScaledByConfig(double factor, string? name = null) : Layer(name)
    {
        public double Factor { get; } = factor;

        public static Layer FromConfig(JsonObject config) =>
            new ScaledByConfig(config["numerator"]!.GetValue<double>() / config["denominator"]!.GetValue<double>(), config["name"]?.GetValue<string>());
    }

    [Test]
    public void StaticFromConfigIsPreferredOverConstructorMatching()
    {
        LayerRegistry.Register<ScaledByConfig>("KerasNetTests>ScaledByConfig");
        var layer = (ScaledByConfig)LayerDeserializer.FromConfig("KerasNetTests>ScaledByConfig", Json("""{"name": "s", "numerator": 3, "denominator": 4}"""));
        Assert.That((layer.Name, layer.Factor), Is.EqualTo(("s", 0.75)));
    }

    [Test]
    public void FactoryRegistrationBuildsTheLayer()
    {
        LayerRegistry.Register("KerasNetTests>Halver", config => new ScaledByConfig(0.5, config["name"]?.GetValue<string>()));
        var layer = (ScaledByConfig)LayerDeserializer.FromConfig("KerasNetTests>Halver", Json("""{"name": "h"}"""));
        Assert.That((layer.Name, layer.Factor), Is.EqualTo(("h", 0.5)));
        Assert.That(LayerRegistry.Contains("KerasNetTests>Halver"), Is.True);
        Assert.That(LayerRegistry.Names, Does.Contain("KerasNetTests>Halver").And.Contain("Dense"));
    }

    [Test]
    public void RegistryKnowsEveryPublicLayerByItsKerasClassName()
    {
        Assert.That(LayerRegistry.Contains("Dense"), Is.True);
        Assert.That(LayerRegistry.Contains("InputLayer"), Is.True);
        Assert.That(LayerRegistry.Contains("Sequential"), Is.False, "models are read by ModelConfigReader");
        Assert.That(LayerRegistry.Contains("NoSuchLayer"), Is.False);
    }

    [Test]
    public void Keras2AliasClassNamesAreAccepted()
    {
        // Keras 1/2 aliases resolve to the Keras 3 class names (Convolution2D → Conv2D …).
        Assert.That(Keras2ConfigRules.CanonicalClassName("Convolution2D"), Is.EqualTo("Conv2D"));
        Assert.That(Keras2ConfigRules.CanonicalClassName("MaxPool2D"), Is.EqualTo("MaxPooling2D"));
        Assert.That(Keras2ConfigRules.CanonicalClassName("Dense"), Is.EqualTo("Dense"));
    }
}
