using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Optimizers;
using KerasNet.Optimizers.Schedules;
using NUnit.Framework;

namespace KerasNet.Tests.Optimizers;

/// <summary>
/// <c>GetConfig()</c> has Keras's keys, in Keras's order, with Keras's default values (as
/// <c>keras.optimizers.&lt;Name&gt;().get_config()</c> lists them in keras/src/optimizers).
/// </summary>
public sealed class ConfigTests
{
    private const string BaseDefaults =
        """
        "weight_decay": null, "clipnorm": null, "global_clipnorm": null, "clipvalue": null, "use_ema": false,
        "ema_momentum": 0.99, "ema_overwrite_frequency": null, "loss_scale_factor": null, "gradient_accumulation_steps": null
        """;

    private static IEnumerable<TestCaseData> Defaults()
    {
        yield return Case(new SGD(), "SGD", 0.01, """ "momentum": 0.0, "nesterov": false """);
        yield return Case(new Adam(), "adam", 0.001, """ "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": false """);
        yield return Case(new AdamW(), "adamw", 0.001, """ "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": false """, weightDecay: 0.004);
        yield return Case(new RMSprop(), "rmsprop", 0.001, """ "rho": 0.9, "momentum": 0.0, "epsilon": 1e-7, "centered": false """);
        yield return Case(new Adagrad(), "adagrad", 0.001, """ "initial_accumulator_value": 0.1, "epsilon": 1e-7 """);
        yield return Case(new Adadelta(), "adadelta", 0.001, """ "rho": 0.95, "epsilon": 1e-7 """);
        yield return Case(new Adamax(), "adamax", 0.001, """ "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7 """);
        yield return Case(new Nadam(), "nadam", 0.001, """ "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7 """);
        yield return Case(new Lion(), "lion", 0.001, """ "beta_1": 0.9, "beta_2": 0.99 """);
    }

    private static TestCaseData Case(Optimizer optimizer, string name, double lr, string own, double? weightDecay = null)
    {
        var baseKeys = BaseDefaults.Replace("\"weight_decay\": null", $"\"weight_decay\": {(weightDecay is double wd ? wd.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}");
        var json = $$"""{ "name": "{{name}}", "learning_rate": {{lr.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, {{baseKeys}}, {{own}} }""";
        return new TestCaseData(optimizer, json).SetArgDisplayNames(optimizer.ClassName);
    }

    [TestCaseSource(nameof(Defaults))]
    public void DefaultConfigMatchesKeras(Optimizer optimizer, string expectedJson)
    {
        using (optimizer)
            AssertJson(optimizer.GetConfig(), JsonNode.Parse(expectedJson)!.AsObject());
    }

    [Test]
    public void ConfigReflectsArguments()
    {
        using var opt = new RMSprop(learningRate: 0.05, rho: 0.8, momentum: 0.3, epsilon: 1e-6, centered: true,
            weightDecay: 0.01, clipvalue: 2.0, useEma: true, emaMomentum: 0.9, emaOverwriteFrequency: 5,
            lossScaleFactor: 128, gradientAccumulationSteps: 4, name: "my_rms");
        AssertJson(opt.GetConfig(), JsonNode.Parse(
            """
            { "name": "my_rms", "learning_rate": 0.05, "weight_decay": 0.01, "clipnorm": null, "global_clipnorm": null,
              "clipvalue": 2.0, "use_ema": true, "ema_momentum": 0.9, "ema_overwrite_frequency": 5, "loss_scale_factor": 128,
              "gradient_accumulation_steps": 4, "rho": 0.8, "momentum": 0.3, "epsilon": 1e-6, "centered": true }
            """)!.AsObject());
    }

    [Test]
    public void ScheduleIsSerializedAsAKerasObject()
    {
        using var opt = new Adam(schedule: new ExponentialDecay(0.1, 1000, 0.96, staircase: true));
        AssertJson(opt.GetConfig()["learning_rate"]!.AsObject(), JsonNode.Parse(
            """
            { "module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
              "config": { "initial_learning_rate": 0.1, "decay_steps": 1000, "decay_rate": 0.96, "staircase": true, "name": "ExponentialDecay" },
              "registered_name": null }
            """)!.AsObject());
    }

    /// <summary>Same keys in the same order; numbers compared as numbers (1e-7 and 1E-07 are equal).</summary>
    internal static void AssertJson(JsonObject actual, JsonObject expected)
    {
        Assert.That(actual.Select(p => p.Key), Is.EqualTo(expected.Select(p => p.Key)));
        foreach (var (key, value) in expected)
        {
            var got = actual[key];
            if (value is null) { Assert.That(got, Is.Null, key); continue; }
            Assert.That(got, Is.Not.Null, key);
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    Assert.That(Number(got!), Is.EqualTo(Number(value)), key);
                    break;
                case JsonValueKind.Object:
                    AssertJson(got!.AsObject(), value.AsObject());
                    break;
                case JsonValueKind.Array:
                    Assert.That(got!.AsArray().Select(n => Number(n!)), Is.EqualTo(value.AsArray().Select(n => Number(n!))), key);
                    break;
                default:
                    Assert.That(got!.ToJsonString(), Is.EqualTo(value.ToJsonString()), key);
                    break;
            }
        }
    }

    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
