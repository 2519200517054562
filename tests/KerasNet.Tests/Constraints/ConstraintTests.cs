using System.Text.Json.Nodes;
using KerasNet.Constraints;
using NUnit.Framework;
using static TorchSharp.torch;
using Cons = KerasNet.Constraints.Constraints;

namespace KerasNet.Tests.Constraints;

/// <summary>
/// Exact projections from Keras 3's formulas (keras/src/constraints/constraints.py), in float64 so
/// that Keras's epsilon 1e-7 in the denominators is visible; expected values computed with python3.
/// </summary>
public class ConstraintTests
{
    // Column norms (axis 0): 5 and 0.5. Row norms (axis 1): 3 and √16.25.
    private static Tensor W() => tensor(new double[] { 3, 0, 4, 0.5 }, [2, 2], dtype: ScalarType.Float64);

    private static double[] Project(Constraint c, Tensor w)
    {
        using var y = c.Call(w);
        Assert.That(y.shape, Is.EqualTo(w.shape));
        return y.data<double>().ToArray();
    }

    [Test]
    public void MaxNormRescalesColumnsAboveTheLimit()
    {
        using var scope = NewDisposeScope();
        // w · clip(n, 0, 2) / (1e-7 + n)
        Assert.That(Project(new MaxNorm(), W()),
            Is.EqualTo(new[] { 1.1999999760000004, 0.0, 1.5999999680000005, 0.49999990000002004 }).Within(1e-15));
        Assert.That(Project(new MaxNorm(maxValue: 2, axis: 1), W()),
            Is.EqualTo(new[] { 1.9999999333333356, 0.0, 1.9845557041965673, 0.24806946302457092 }).Within(1e-15));
    }

    [Test]
    public void MaxNormOverSeveralAxesConstrainsEachFilter()
    {
        using var scope = NewDisposeScope();
        // A (2, 2, 1, 2) Conv2D kernel; axes [0, 1, 2] give one norm per output filter: 2 and 0.5.
        var k = tensor(new double[] { 1, 0.1, 1, 0.2, 1, 0.2, 1, 0.4 }, [2, 2, 1, 2], dtype: ScalarType.Float64);
        var y = Project(new MaxNorm(maxValue: 1.0, axis: [0, 1, 2]), k);
        double a = 1.0 / (2 + 1e-7), b = 0.5 / (0.5 + 1e-7);
        Assert.That(y, Is.EqualTo(new[] { a, 0.1 * b, a, 0.2 * b, a, 0.2 * b, a, 0.4 * b }).Within(1e-15));
    }

    [Test]
    public void UnitNormDividesByTheNormPlusEpsilon()
    {
        using var scope = NewDisposeScope();
        Assert.That(Project(new UnitNorm(), W()),
            Is.EqualTo(new[] { 0.5999999880000002, 0.0, 0.7999999840000003, 0.9999998000000401 }).Within(1e-15));
    }

    [Test]
    public void MinMaxNormMovesNormsTowardsTheInterval()
    {
        using var scope = NewDisposeScope();
        // desired = 0.5·clip(n, 1, 2) + 0.5·n: 3.5 for n = 5, 0.75 for n = 0.5.
        Assert.That(Project(new MinMaxNorm(minValue: 1, maxValue: 2, rate: 0.5), W()),
            Is.EqualTo(new[] { 2.0999999580000006, 0.0, 2.799999944000001, 0.7499998500000301 }).Within(1e-15));
    }

    [Test]
    public void NonNegZeroesNegativeWeights()
    {
        using var scope = NewDisposeScope();
        Assert.That(Project(new NonNeg(), tensor(new double[] { -1, 0, 2.5, -1e-9 })), Is.EqualTo(new[] { 0, 0, 2.5, 0 }));
    }

    [Test]
    public void ApplyProjectsAVariableInPlace()
    {
        using var variable = new KerasVariable("kernel", W());
        var before = variable.Value;
        new UnitNorm().Apply(variable);
        Assert.That(variable.Value, Is.SameAs(before));
        Assert.That(variable.Value.requires_grad, Is.True);
        Assert.That(variable.Value.data<double>().ToArray(),
            Is.EqualTo(new[] { 0.5999999880000002, 0.0, 0.7999999840000003, 0.9999998000000401 }).Within(1e-15));
    }

    [Test]
    public void AxisOutOfRangeThrows()
    {
        using var w = W();
        var e = Assert.Throws<KerasNetException>(() => new MaxNorm(axis: 2).Call(w))!;
        Assert.That(e.Message, Does.Contain("MaxNorm").And.Contain("axis 2").And.Contain("(2, 2)"));
    }

    [Test]
    public void RegistryAndConfigsFollowKeras()
    {
        (string Name, Type Type)[] expected =
        [
            ("max_norm", typeof(MaxNorm)), ("MaxNorm", typeof(MaxNorm)), ("maxnorm", typeof(MaxNorm)),
            ("non_neg", typeof(NonNeg)), ("nonneg", typeof(NonNeg)), ("unit_norm", typeof(UnitNorm)),
            ("unitnorm", typeof(UnitNorm)), ("min_max_norm", typeof(MinMaxNorm)), ("MinMaxNorm", typeof(MinMaxNorm)),
        ];
        foreach (var (name, type) in expected)
            Assert.That(Cons.Get(name), Is.TypeOf(type), name);
        Constraint fromString = "max_norm";
        Assert.That(((MaxNorm)fromString).MaxValue, Is.EqualTo(2.0));
        Assert.That(new MaxNorm().ToConfig().ToJsonString(), Is.EqualTo("""{"class_name":"MaxNorm","config":{"max_value":2,"axis":0}}"""));
        Assert.That(new MaxNorm(3, [0, 1, 2]).GetConfig().ToJsonString(), Is.EqualTo("""{"max_value":3,"axis":[0,1,2]}"""));
        Assert.That(new MinMaxNorm().GetConfig().ToJsonString(), Is.EqualTo("""{"min_value":0,"max_value":1,"rate":1,"axis":0}"""));

        // Keras 2 configs from /work/shared/conformance (dl4j-test-resources), and a list axis.
        var mm = (MinMaxNorm)Cons.Deserialize(JsonNode.Parse(
            """{"class_name": "MinMaxNorm", "config": {"axis": 0, "max_value": 1.0, "min_value": 0.0, "rate": 1.0}}""")!);
        Assert.That((mm.MinValue, mm.MaxValue, mm.Rate, mm.Axis), Is.EqualTo((0.0, 1.0, 1.0, new[] { 0 })));
        var mx = (MaxNorm)Cons.Deserialize(JsonNode.Parse("""{"class_name": "MaxNorm", "config": {"axis": [0, 1, 2], "max_value": 3}}""")!);
        Assert.That((mx.MaxValue, mx.Axis), Is.EqualTo((3.0, new[] { 0, 1, 2 })));
        Assert.That(Cons.Deserialize(JsonNode.Parse("""{"class_name": "NonNeg", "config": {}}""")!), Is.TypeOf<NonNeg>());
        Assert.That(((UnitNorm)Cons.Deserialize(JsonNode.Parse("""{"class_name": "UnitNorm", "config": {"axis": 1}}""")!)).Axis,
            Is.EqualTo(new[] { 1 }));
        var bad = Assert.Throws<KerasNetException>(() => Cons.Deserialize(JsonNode.Parse("""{"class_name": "UnitNorm", "config": {"axis": "rows"}}""")!))!;
        Assert.That(bad.Message, Does.Contain("axis").And.Contain("integer"));
    }
}
