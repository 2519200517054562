using System.Text.Json.Nodes;
using KerasNet.Saving;
using NUnit.Framework;

namespace KerasNet.Tests.Saving;

public class Keras2ConfigRulesTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static string Apply(string className, string config, string? version = null) =>
        Keras2ConfigRules.Apply(className, Json(config), version).ToJsonString();

    [Test]
    public void LeakyReluAlphaBecomesNegativeSlope() =>
        Assert.That(Apply("LeakyReLU", """{"alpha":0.4,"name":"l"}"""), Is.EqualTo("""{"name":"l","negative_slope":0.4}"""));

    [Test]
    public void LeakyReluWithBothNamesIsAnError() =>
        Assert.Throws<KerasNetException>(() => Apply("LeakyReLU", """{"alpha":0.4,"negative_slope":0.2}"""));

    [Test]
    public void OneElementAxisListBecomesAnInteger()
    {
        Assert.That(Apply("BatchNormalization", """{"axis":[3]}"""), Is.EqualTo("""{"axis":3}"""));
        Assert.That(Apply("BatchNormalization", """{"axis":[1,3]}"""), Is.EqualTo("""{"axis":[1,3]}"""), "several axes stay a list");
        Assert.That(Apply("Dense", """{"axis":[3]}"""), Is.EqualTo("""{"axis":[3]}"""), "only the classes in the table");
    }

    [Test]
    public void EmbeddingInputLengthBecomesTheInputShapeUnlessOneIsGiven()
    {
        Assert.That(Apply("Embedding", """{"input_dim":20,"input_length":10}"""), Is.EqualTo("""{"input_dim":20,"input_shape":[10]}"""));
        Assert.That(Apply("Embedding", """{"input_length":10,"batch_input_shape":[null,10]}"""), Is.EqualTo("""{"batch_input_shape":[null,10]}"""));
    }

    [Test]
    public void Keras21RecurrentDefaultsAreFilledIn()
    {
        Assert.That(Apply("GRU", """{"units":4}""", "2.1.2"), Is.EqualTo("""{"units":4,"reset_after":false,"recurrent_activation":"hard_sigmoid"}"""));
        Assert.That(Apply("LSTM", """{"units":4}""", "2.1.2"), Is.EqualTo("""{"units":4,"recurrent_activation":"hard_sigmoid"}"""));
        Assert.That(Apply("GRU", """{"units":4}""", "2.3.1"), Is.EqualTo("""{"units":4,"reset_after":false}"""), "Keras 2.3 defaults to sigmoid");
        Assert.That(Apply("GRU", """{"units":4,"reset_after":true}""", "2.2.4-tf"), Is.EqualTo("""{"units":4,"reset_after":true,"recurrent_activation":"hard_sigmoid"}"""));
        Assert.That(Apply("GRU", """{"units":4}"""), Is.EqualTo("""{"units":4}"""), "no version: a Keras 3 config keeps Keras 3 defaults");
        Assert.That(Apply("GRU", """{"units":4}""", "3.4.1"), Is.EqualTo("""{"units":4}"""));
    }

    [Test]
    public void MajorVersionDefaultsToKeras3()
    {
        Assert.That(Keras2ConfigRules.MajorVersion("2.1.2"), Is.EqualTo(2));
        Assert.That(Keras2ConfigRules.MajorVersion("1.2.2"), Is.EqualTo(1));
        Assert.That(Keras2ConfigRules.MajorVersion(null), Is.EqualTo(3));
    }

    [Test]
    public void TheInputIsNotModified()
    {
        var config = Json("""{"alpha":0.4}""");
        Keras2ConfigRules.Apply("LeakyReLU", config, null);
        Assert.That(config.ToJsonString(), Is.EqualTo("""{"alpha":0.4}"""));
    }
}
