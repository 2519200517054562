using NUnit.Framework;
using KerasNet.Losses;

namespace KerasNet.Tests.Losses;

public class LossRegistryTests
{
    [TestCase("mse", "MeanSquaredError")]
    [TestCase("MSE", "MeanSquaredError")]
    [TestCase("mean_squared_error", "MeanSquaredError")]
    [TestCase("mae", "MeanAbsoluteError")]
    [TestCase("mape", "MeanAbsolutePercentageError")]
    [TestCase("msle", "MeanSquaredLogarithmicError")]
    [TestCase("huber", "Huber")]
    [TestCase("log_cosh", "LogCosh")]
    [TestCase("bce", "BinaryCrossentropy")]
    [TestCase("binary_crossentropy", "BinaryCrossentropy")]
    [TestCase("binary_focal_crossentropy", "BinaryFocalCrossentropy")]
    [TestCase("categorical_crossentropy", "CategoricalCrossentropy")]
    [TestCase("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy")]
    [TestCase("kld", "KLDivergence")]
    [TestCase("kl_divergence", "KLDivergence")]
    [TestCase("poisson", "Poisson")]
    [TestCase("cosine_similarity", "CosineSimilarity")]
    [TestCase("hinge", "Hinge")]
    [TestCase("squared_hinge", "SquaredHinge")]
    [TestCase("categorical_hinge", "CategoricalHinge")]
    [TestCase("KLDivergence", "KLDivergence")]
    public void KerasNamesResolve(string name, string className)
    {
        Loss loss = name;
        Assert.That(loss.ClassName, Is.EqualTo(className));
        Assert.That(KerasNet.Losses.Losses.Get(loss.ClassName).ClassName, Is.EqualTo(className), "the class name is registered too");
    }

    [Test]
    public void UnknownNameListsValidOnes()
    {
        var ex = Assert.Throws<KerasNetException>(() => KerasNet.Losses.Losses.Get("mean_squared"));
        Assert.That(ex!.Message, Does.Contain("mean_squared").And.Contain("mean_squared_error").And.Contain("hinge"));
    }

    [Test]
    public void ConfigsUseKerasKeysAndDefaults()
    {
        Assert.That(new BinaryFocalCrossentropy().GetConfig().ToJsonString(), Is.EqualTo(
            "{\"name\":\"binary_focal_crossentropy\",\"reduction\":\"sum_over_batch_size\",\"from_logits\":false,\"label_smoothing\":0,\"axis\":-1,\"apply_class_balancing\":false,\"alpha\":0.25,\"gamma\":2}"));
        Assert.That(new SparseCategoricalCrossentropy(ignoreClass: 255).GetConfig().ToJsonString(), Is.EqualTo(
            "{\"name\":\"sparse_categorical_crossentropy\",\"reduction\":\"sum_over_batch_size\",\"from_logits\":false,\"ignore_class\":255}"));
        Assert.That(new Huber().GetConfig()["name"]!.GetValue<string>(), Is.EqualTo("huber_loss"));
        Assert.That(new Huber(delta: 2).GetConfig()["delta"]!.GetValue<double>(), Is.EqualTo(2.0));
        Assert.That(new MeanSquaredError(reduction: "sum").GetConfig().ToJsonString(), Is.EqualTo("{\"name\":\"mean_squared_error\",\"reduction\":\"sum\"}"));
    }
}
