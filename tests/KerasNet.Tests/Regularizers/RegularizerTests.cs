using System.Text.Json.Nodes;
using KerasNet.Regularizers;
using NUnit.Framework;
using static TorchSharp.torch;
using Regs = KerasNet.Regularizers.Regularizers;

namespace KerasNet.Tests.Regularizers;

/// <summary>Exact penalties from Keras 3's formulas (keras/src/regularizers/regularizers.py).</summary>
public class RegularizerTests
{
    // Σ|w| = 10, Σw² = 30.
    private static Tensor W() => tensor(new double[] { 1, -2, 3, -4 }, [2, 2], dtype: ScalarType.Float64);

    private static double Penalty(Regularizer r, Tensor w)
    {
        using var p = r.Call(w);
        Assert.That(p.shape, Is.Empty, "a scalar penalty");
        Assert.That(p.dtype, Is.EqualTo(w.dtype));
        return p.to(ScalarType.Float64).item<double>();
    }

    [Test]
    public void L1AndL2UseKerasDefaults()
    {
        using var scope = NewDisposeScope();
        Assert.That(Penalty(new L1(), W()), Is.EqualTo(0.1).Within(1e-15));
        Assert.That(Penalty(new L2(), W()), Is.EqualTo(0.3).Within(1e-15));
        Assert.That(Penalty(new L1(l1: 0.5), W()), Is.EqualTo(5.0));
        // Keras docstring: L2(2.) of ones((5, 5)) is 50.
        Assert.That(Penalty(new L2(l2: 2.0), ones(5, 5)), Is.EqualTo(50.0));
    }

    [Test]
    public void L1L2SumsBothPenalties()
    {
        using var scope = NewDisposeScope();
        Assert.That(Penalty(new L1L2(l1: 0.5, l2: 0.25), W()), Is.EqualTo(12.5));
        Assert.That(Penalty(new L1L2(l2: 0.1), W()), Is.EqualTo(3.0).Within(1e-14));
        Assert.That(Penalty(new L1L2(), W()), Is.EqualTo(0.0), "class defaults are 0");
        Assert.That(Penalty(Regs.Get("l1_l2"), W()), Is.EqualTo(0.4).Within(1e-15), "the l1_l2 shortcut uses 0.01 each");
        Assert.That(Penalty(Regs.Get("L1L2"), W()), Is.EqualTo(0.0));
    }

    [Test]
    public void OrthogonalRegularizerPenalisesNonOrthogonalRowsOrColumns()
    {
        using var scope = NewDisposeScope();
        // rows: ⟨(1,−2)/√5, (3,−4)/5⟩ = 11/(5√5); factor·½·2|dot|/1 pair.
        Assert.That(Penalty(new OrthogonalRegularizer(), W()), Is.EqualTo(0.009838699100999075).Within(1e-15));
        // columns: ⟨(1,3)/√10, (−2,−4)/√20⟩ = −14/√200.
        Assert.That(Penalty(new OrthogonalRegularizer(mode: "columns"), W()), Is.EqualTo(0.009899494936611667).Within(1e-15));
        // rows (1,0), (1,1)/√2, (0,1): |dots| 1/√2, 0, 1/√2 over 3 pairs.
        var w3 = tensor(new double[] { 1, 0, 1, 1, 0, 2 }, [3, 2], dtype: ScalarType.Float64);
        Assert.That(Penalty(new OrthogonalRegularizer(factor: 0.1), w3), Is.EqualTo(0.04714045207910317).Within(1e-15));
        Assert.That(Penalty(new OrthogonalRegularizer(), eye(4, dtype: ScalarType.Float64)), Is.EqualTo(0.0));
    }

    [Test]
    public void BadArgumentsThrow()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => new L1(-0.1))!.Message, Does.Contain("L1").And.Contain("l1").And.Contain("-0.1"));
        Assert.That(Assert.Throws<KerasNetException>(() => new L2(double.NaN))!.Message, Does.Contain("L2"));
        Assert.That(Assert.Throws<KerasNetException>(() => new L1L2(l2: double.PositiveInfinity))!.Message, Does.Contain("l2"));
        Assert.That(Assert.Throws<KerasNetException>(() => new OrthogonalRegularizer(mode: "diag"))!.Message, Does.Contain("diag"));
        using var w = zeros(2, 2, 2);
        var e = Assert.Throws<KerasNetException>(() => new OrthogonalRegularizer().Call(w))!;
        Assert.That(e.Message, Does.Contain("rank-2").And.Contain("(2, 2, 2)"));
    }

    [Test]
    public void RegistryAndConfigsFollowKeras()
    {
        Assert.That(Regs.Get("l1"), Is.TypeOf<L1>());
        Assert.That(Regs.Get("L2"), Is.TypeOf<L2>());
        Assert.That(Regs.Get("l1l2"), Is.TypeOf<L1L2>());
        Assert.That(Regs.Get("orthogonal_regularizer"), Is.TypeOf<OrthogonalRegularizer>());
        Regularizer fromString = "l2";
        Assert.That(((L2)fromString).Factor, Is.EqualTo(0.01));
        Assert.That(new L1L2(0.1, 0.2).ToConfig().ToJsonString(), Is.EqualTo("""{"class_name":"L1L2","config":{"l1":0.1,"l2":0.2}}"""));
        Assert.That(new OrthogonalRegularizer().GetConfig().ToJsonString(), Is.EqualTo("""{"factor":0.01,"mode":"rows"}"""));
        // A Keras 2 config from /work/shared/conformance (dl4j-test-resources).
        var k2 = (L1L2)Regs.Deserialize(JsonNode.Parse("""{"class_name": "L1L2", "config": {"l1": 0, "l2": 0.0005000000237487257}}""")!);
        Assert.That((k2.L1, k2.L2), Is.EqualTo((0.0, 0.0005000000237487257)));
        var unknown = Assert.Throws<NotSupportedException>(() => Regs.Deserialize(JsonNode.Parse("""{"class_name": "L2", "config": {"l2": 0.1, "scale": 2}}""")!))!;
        Assert.That(unknown.Message, Does.Contain("'scale'"));
        Assert.That(Assert.Throws<KerasNetException>(() => Regs.Get("l3"))!.Message, Does.Contain("l3").And.Contain("l1_l2"));
    }
}
