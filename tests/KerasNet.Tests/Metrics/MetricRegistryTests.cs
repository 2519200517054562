using KerasNet.Losses;
using KerasNet.Metrics;
using NUnit.Framework;

namespace KerasNet.Tests.Metrics;

public class MetricRegistryTests
{
    [TestCase("accuracy", "Accuracy")]
    [TestCase("binary_accuracy", "BinaryAccuracy")]
    [TestCase("categorical_accuracy", "CategoricalAccuracy")]
    [TestCase("sparse_categorical_accuracy", "SparseCategoricalAccuracy")]
    [TestCase("top_k_categorical_accuracy", "TopKCategoricalAccuracy")]
    [TestCase("sparse_top_k_categorical_accuracy", "SparseTopKCategoricalAccuracy")]
    [TestCase("precision", "Precision")]
    [TestCase("recall", "Recall")]
    [TestCase("auc", "AUC")]
    [TestCase("AUC", "AUC")]
    [TestCase("f1_score", "F1Score")]
    [TestCase("f_beta_score", "FBetaScore")]
    [TestCase("mse", "MeanSquaredError")]
    [TestCase("mean_squared_error", "MeanSquaredError")]
    [TestCase("mae", "MeanAbsoluteError")]
    [TestCase("rmse", "RootMeanSquaredError")]
    [TestCase("root_mean_squared_error", "RootMeanSquaredError")]
    [TestCase("mape", "MeanAbsolutePercentageError")]
    [TestCase("msle", "MeanSquaredLogarithmicError")]
    [TestCase("cosine_similarity", "CosineSimilarity")]
    [TestCase("log_cosh_error", "LogCoshError")]
    [TestCase("hinge", "Hinge")]
    [TestCase("squared_hinge", "SquaredHinge")]
    [TestCase("categorical_hinge", "CategoricalHinge")]
    [TestCase("kl_divergence", "KLDivergence")]
    [TestCase("poisson", "Poisson")]
    [TestCase("bce", "BinaryCrossentropy")]
    [TestCase("categorical_crossentropy", "CategoricalCrossentropy")]
    [TestCase("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy")]
    [TestCase("mean", "Mean")]
    [TestCase("sum", "Sum")]
    public void KerasNamesResolve(string name, string className)
    {
        using Metric metric = name;
        Assert.That(metric.ClassName, Is.EqualTo(className));
    }

    [Test]
    public void ResolveKeepsTheNameTheUserWrote()
    {
        using var mse = KerasNet.Metrics.Metrics.Resolve("mse", null, 1);
        Assert.That((mse.Name, mse.ClassName), Is.EqualTo(("mse", "MeanSquaredError")));
        using var acc = KerasNet.Metrics.Metrics.Resolve("acc", new SparseCategoricalCrossentropy(), 10);
        Assert.That((acc.Name, acc.ClassName), Is.EqualTo(("acc", "SparseCategoricalAccuracy")));
        using var binary = KerasNet.Metrics.Metrics.Resolve("accuracy", new KerasNet.Losses.MeanSquaredError(), 1);
        Assert.That(binary.ClassName, Is.EqualTo("BinaryAccuracy"));
        using var categorical = KerasNet.Metrics.Metrics.Resolve("accuracy", new CategoricalCrossentropy(), 10);
        Assert.That(categorical.ClassName, Is.EqualTo("CategoricalAccuracy"));
    }

    [Test]
    public void NamesSharedWithLossesGiveTheMetricVersions()
    {
        using Metric cosine = "cosine_similarity";
        Assert.That(cosine, Is.InstanceOf<KerasNet.Metrics.CosineSimilarity>(), "the metric is +cos, the loss −cos");
        using Metric mse = "mse";
        Assert.That(mse, Is.InstanceOf<KerasNet.Metrics.MeanSquaredError>());
        using Metric kld = "kl_divergence";
        Assert.That(((LossMetric)kld).Loss, Is.InstanceOf<KLDivergence>());
    }

    [Test]
    public void UnknownNameListsValidOnes()
    {
        var ex = Assert.Throws<KerasNetException>(() => KerasNet.Metrics.Metrics.Get("f2_score"));
        Assert.That(ex!.Message, Does.Contain("f2_score").And.Contain("f1_score").And.Contain("auc"));
    }
}
