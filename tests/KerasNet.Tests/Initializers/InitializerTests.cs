using System.Text.Json.Nodes;
using KerasNet.Initializers;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;
using Inits = KerasNet.Initializers.Initializers;

namespace KerasNet.Tests.Initializers;

public class InitializerTests
{
    private static float[] Values(Tensor t) => t.to(ScalarType.Float32).cpu().data<float>().ToArray();

    [TestCase(new long[0], 1, 1)]
    [TestCase(new long[] { 7 }, 7, 7)]
    [TestCase(new long[] { 3, 5 }, 3, 5)] // Dense (input_dim, units)
    [TestCase(new long[] { 5, 4, 8 }, 20, 40)] // Conv1D (k, in, out): receptive field 5
    [TestCase(new long[] { 3, 3, 16, 32 }, 144, 288)] // Conv2D (kh, kw, in, out): receptive field 9
    [TestCase(new long[] { 2, 3, 4, 6, 10 }, 144, 240)] // Conv3D: receptive field 24
    public void ComputeFansFollowsKeras(long[] shape, double fanIn, double fanOut) =>
        Assert.That(Initializer.ComputeFans(shape), Is.EqualTo((fanIn, fanOut)));

    [Test]
    public void ConstantsFillTheShape()
    {
        using var scope = NewDisposeScope();
        Assert.That(Values(new Zeros().Call([2, 3])), Is.EqualTo(new float[6]));
        Assert.That(Values(new Ones().Call([2, 2])), Is.EqualTo(new float[] { 1, 1, 1, 1 }));
        Assert.That(Values(new Constant(2.5).Call([3])), Is.EqualTo(new[] { 2.5f, 2.5f, 2.5f }));
    }

    [TestCase(new long[] { 64, 32 })] // tall: orthonormal columns
    [TestCase(new long[] { 32, 64 })] // wide: orthonormal rows
    [TestCase(new long[] { 3, 3, 8, 16 })] // conv kernel viewed as (72, 16)
    public void OrthogonalIsOrthonormalAfterFlattening(long[] shape)
    {
        using var scope = NewDisposeScope();
        var w = new Orthogonal(gain: 1.0, seed: 3).Call(shape).to(ScalarType.Float64);
        Assert.That(w.shape, Is.EqualTo(shape));
        long rows = shape[..^1].Aggregate(1L, (a, b) => a * b), cols = shape[^1];
        var m = w.reshape(rows, cols);
        var gram = rows >= cols ? m.t().matmul(m) : m.matmul(m.t());
        var error = (gram - eye(Math.Min(rows, cols), dtype: ScalarType.Float64)).abs().max().item<double>();
        Assert.That(error, Is.LessThan(1e-5));
    }

    [Test]
    public void OrthogonalGainScalesTheGram()
    {
        using var scope = NewDisposeScope();
        var m = new Orthogonal(gain: 2.0, seed: 1).Call([10, 10]).to(ScalarType.Float64);
        var error = (m.t().matmul(m) - 4 * eye(10, dtype: ScalarType.Float64)).abs().max().item<double>();
        Assert.That(error, Is.LessThan(1e-5));
    }

    [TestCase(40L, 24L)]
    [TestCase(24L, 40L)]
    public void OrthogonalMatchesKerasQrWithSignCorrection(long rows, long cols)
    {
        // Keras draws a (max, min) standard normal A from the seed, takes Q of A = QR, multiplies Q's
        // columns by sign(diag R) and transposes for wide shapes. So Qᵀ·A = R must have a positive
        // diagonal, which pins Q down uniquely given A (redrawn here from the same CPU generator).
        using var scope = NewDisposeScope();
        var w = new Orthogonal(seed: 11).Call([rows, cols]);
        using var g = new Generator(11);
        var a = randn([Math.Max(rows, cols), Math.Min(rows, cols)], generator: g);
        var q = rows >= cols ? w : w.t();
        var r = q.t().matmul(a);
        Assert.That(r.diagonal().min().item<float>(), Is.GreaterThan(0f));
        var belowDiagonal = r.tril(-1).abs().max().item<float>();
        Assert.That(belowDiagonal, Is.LessThan(1e-4f));
    }

    [Test]
    public void OrthogonalNeedsRankTwo()
    {
        var e = Assert.Throws<KerasNetException>(() => new Orthogonal().Call([5]))!;
        Assert.That(e.Message, Does.Contain("Orthogonal").And.Contain("(5,)"));
    }

    [Test]
    public void IdentityIsGainTimesEye()
    {
        using var scope = NewDisposeScope();
        Assert.That(Values(new Identity().Call([3, 3])), Is.EqualTo(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }));
        Assert.That(Values(new Identity(gain: 0.5).Call([2, 4])), Is.EqualTo(new[] { 0.5f, 0, 0, 0, 0, 0.5f, 0, 0 }));
        var e = Assert.Throws<KerasNetException>(() => new Identity().Call([2, 2, 2]))!;
        Assert.That(e.Message, Does.Contain("Identity").And.Contain("(2, 2, 2)"));
    }

    [Test]
    public void SeedsAreReproducible()
    {
        using var scope = NewDisposeScope();
        Initializer[] seeded = [new RandomNormal(seed: 5), new RandomUniform(seed: 5), new TruncatedNormal(seed: 5),
            new GlorotUniform(seed: 5), new HeNormal(seed: 5), new Orthogonal(seed: 5)];
        Initializer[] again = [new RandomNormal(seed: 5), new RandomUniform(seed: 5), new TruncatedNormal(seed: 5),
            new GlorotUniform(seed: 5), new HeNormal(seed: 5), new Orthogonal(seed: 5)];
        for (int i = 0; i < seeded.Length; i++)
        {
            var first = Values(seeded[i].Call([6, 4]));
            Assert.That(Values(again[i].Call([6, 4])), Is.EqualTo(first), seeded[i].ClassName);
            Assert.That(Values(seeded[i].Call([6, 4])), Is.EqualTo(first), $"{seeded[i].ClassName}, second call");
        }
        Assert.That(Values(new RandomNormal(seed: 6).Call([6, 4])), Is.Not.EqualTo(Values(new RandomNormal(seed: 5).Call([6, 4]))));
    }

    [Test]
    public void UnseededInitializerDrawsItsSeedOnceFromTheGlobalGenerator()
    {
        using var scope = NewDisposeScope();
        RandomSeed.Set(123);
        var a = new GlorotUniform();
        var b = new GlorotUniform();
        var first = Values(a.Call([8, 8]));
        Assert.That(Values(a.Call([8, 8])), Is.EqualTo(first), "Keras 3: the same instance returns the same values");
        Assert.That(Values(b.Call([8, 8])), Is.Not.EqualTo(first), "two instances draw different seeds");
        RandomSeed.Set(123);
        Assert.That(Values(new GlorotUniform().Call([8, 8])), Is.EqualTo(first), "RandomSeed.Set makes it reproducible");
    }

    [Test]
    public void DtypeIsHonouredAndIntegerTypesAreRejected()
    {
        using var scope = NewDisposeScope();
        var d = new HeUniform(seed: 1).Call([4, 4], ScalarType.Float64);
        Assert.That(d.dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(d.device_type, Is.EqualTo(KerasNet.Backend.Engine.Device.type));
        // Half precision is drawn in float32 and cast, so it rounds the float32 draw.
        var h = new HeUniform(seed: 1).Call([4, 4], ScalarType.Float16);
        Assert.That(h.dtype, Is.EqualTo(ScalarType.Float16));
        Assert.That(Values(h), Is.EqualTo(Values(new HeUniform(seed: 1).Call([4, 4]))).Within(0.1).Percent);
        var e = Assert.Throws<KerasNetException>(() => new RandomNormal().Call([2], ScalarType.Int32))!;
        Assert.That(e.Message, Does.Contain("RandomNormal").And.Contain("Int32"));
    }

    [Test]
    public void VarianceScalingValidatesArguments()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => new VarianceScaling(scale: 0))!.Message, Does.Contain("scale"));
        Assert.That(Assert.Throws<KerasNetException>(() => new VarianceScaling(mode: "fan_sum"))!.Message, Does.Contain("fan_sum"));
        Assert.That(Assert.Throws<KerasNetException>(() => new VarianceScaling(distribution: "gamma"))!.Message, Does.Contain("gamma"));
        Assert.That(new VarianceScaling(distribution: "Normal").Distribution, Is.EqualTo("truncated_normal"));
    }

    [Test]
    public void RegistryKnowsKerasNamesAndAliases()
    {
        (string Name, Type Type)[] expected =
        [
            ("zeros", typeof(Zeros)), ("zero", typeof(Zeros)), ("Zeros", typeof(Zeros)), ("ones", typeof(Ones)),
            ("one", typeof(Ones)), ("constant", typeof(Constant)), ("identity", typeof(Identity)),
            ("random_normal", typeof(RandomNormal)), ("normal", typeof(RandomNormal)), ("RandomUniform", typeof(RandomUniform)),
            ("uniform", typeof(RandomUniform)), ("truncated_normal", typeof(TruncatedNormal)),
            ("variance_scaling", typeof(VarianceScaling)), ("glorot_uniform", typeof(GlorotUniform)),
            ("glorot_normal", typeof(GlorotNormal)), ("he_uniform", typeof(HeUniform)), ("he_normal", typeof(HeNormal)),
            ("lecun_uniform", typeof(LecunUniform)), ("lecun_normal", typeof(LecunNormal)), ("orthogonal", typeof(Orthogonal)),
            ("Orthogonal", typeof(Orthogonal)), ("OrthogonalInitializer", typeof(Orthogonal)),
        ];
        foreach (var (name, type) in expected)
            Assert.That(Inits.Get(name), Is.TypeOf(type), name);
        Initializer fromString = "he_normal";
        Assert.That(fromString, Is.TypeOf<HeNormal>());
        Assert.That(Inits.Get("zeros"), Is.Not.SameAs(Inits.Get("zeros")), "a new instance per lookup");
        var e = Assert.Throws<KerasNetException>(() => Inits.Get("xavier"))!;
        Assert.That(e.Message, Does.Contain("xavier").And.Contain("glorot_uniform"));
    }

    [Test]
    public void ConfigsUseKerasKeys()
    {
        Assert.That(new GlorotUniform(seed: 3).ToConfig().ToJsonString(),
            Is.EqualTo("""{"class_name":"GlorotUniform","config":{"seed":3}}"""));
        Assert.That(new VarianceScaling(2.0, "fan_out", "uniform").GetConfig().ToJsonString(),
            Is.EqualTo("""{"seed":null,"scale":2,"mode":"fan_out","distribution":"uniform"}"""));
        Assert.That(new RandomUniform().GetConfig().ToJsonString(), Is.EqualTo("""{"seed":null,"minval":-0.05,"maxval":0.05}"""));
        Assert.That(new Orthogonal(gain: 1.5).GetConfig().ToJsonString(), Is.EqualTo("""{"seed":null,"gain":1.5}"""));
        Assert.That(new Identity().GetConfig().ToJsonString(), Is.EqualTo("""{"gain":1}"""));
    }

    [Test]
    public void DeserializeReadsKerasConfigs()
    {
        // Configs as found in Keras 2 files of /work/shared/conformance and in Keras 3's serialized form.
        var vs = (VarianceScaling)Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "VarianceScaling", "config": {"scale": 1, "mode": "fan_avg", "distribution": "uniform", "seed": null}}""")!);
        Assert.That((vs.Scale, vs.Mode, vs.Distribution, vs.Seed), Is.EqualTo((1.0, "fan_avg", "uniform", (int?)null)));
        var he = (VarianceScaling)Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "VarianceScaling", "config": {"distribution": "normal", "mode": "fan_in", "scale": 2, "seed": 7}}""")!);
        Assert.That((he.Scale, he.Distribution, he.Seed), Is.EqualTo((2.0, "truncated_normal", (int?)7)));
        var ru = (RandomUniform)Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "RandomUniform", "config": {"maxval": 0.05, "minval": 0.01, "seed": null}}""")!);
        Assert.That((ru.Minval, ru.Maxval), Is.EqualTo((0.01, 0.05)));
        var o = (Orthogonal)Inits.Deserialize(JsonNode.Parse("""{"class_name": "Orthogonal", "config": {"gain": 1, "seed": null}}""")!);
        Assert.That(o.Gain, Is.EqualTo(1.0));
        var k3 = Inits.Deserialize(JsonNode.Parse(
            """{"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": 42}, "registered_name": null}""")!);
        Assert.That(((GlorotUniform)k3).Seed, Is.EqualTo(42));
        Assert.That(Inits.Deserialize(JsonValue.Create("zeros")), Is.TypeOf<Zeros>());
        Assert.That(((Constant)Inits.Deserialize(JsonNode.Parse("""{"class_name": "Constant", "config": {"value": 0.3}}""")!)).Value,
            Is.EqualTo(0.3));
    }

    [Test]
    public void DeserializeRejectsWhatItCannotHonour()
    {
        var unknownKey = Assert.Throws<NotSupportedException>(() => Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "RandomNormal", "config": {"mean": 0, "stddev": 1, "seed": null, "dtype": "float16"}}""")!))!;
        Assert.That(unknownKey.Message, Does.Contain("RandomNormal").And.Contain("'dtype'"));
        var seedGenerator = Assert.Throws<NotSupportedException>(() => Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "HeNormal", "config": {"seed": {"class_name": "SeedGenerator", "config": {"seed": 1}}}}""")!))!;
        Assert.That(seedGenerator.Message, Does.Contain("seed"));
        var badType = Assert.Throws<KerasNetException>(() => Inits.Deserialize(JsonNode.Parse(
            """{"class_name": "Orthogonal", "config": {"gain": "high"}}""")!))!;
        Assert.That(badType.Message, Does.Contain("gain").And.Contain("number").And.Contain("\"high\""));
    }
}
