using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Applications.Tests;

/// <summary>Decoding with a class index in the format of Keras's <c>imagenet_class_index.json</c>.</summary>
public sealed class DecodePredictionsTests
{
    private const string FourClasses = """
        {"0": ["n01440764", "tench"], "1": ["n01443537", "goldfish"], "2": ["n01484850", "great_white_shark"], "3": ["n01491361", "tiger_shark"]}
        """;

    [Test]
    public void TopClassesComeMostProbableFirst()
    {
        var index = ImageNetClassIndex.Parse(FourClasses);
        var predictions = tensor(new float[,] { { 0.1f, 0.6f, 0.05f, 0.25f }, { 0.7f, 0.0f, 0.2f, 0.1f } });
        var decoded = ImageNetUtils.DecodePredictions(predictions, index, top: 3);
        Assert.That(decoded, Has.Count.EqualTo(2));
        Assert.That(decoded[0], Is.EqualTo(new[] { ("n01443537", "goldfish", 0.6f), ("n01491361", "tiger_shark", 0.25f), ("n01440764", "tench", 0.1f) }));
        Assert.That(decoded[1].Select(d => d.Description), Is.EqualTo(new[] { "tench", "great_white_shark", "tiger_shark" }));
    }

    [Test]
    public void ReadsAClassIndexFileInKerasFormatAndTheKerasCache()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"kerasnet-apps-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        string? previous = Environment.GetEnvironmentVariable("KERAS_HOME");
        try
        {
            // 1000 classes as imagenet_class_index.json numbers them.
            var entries = Enumerable.Range(0, 1000).Select(i => $"\"{i}\": [\"n{i:D8}\", \"class_{i}\"]");
            File.WriteAllText(Path.Combine(folder, "models", "imagenet_class_index.json"), "{" + string.Join(", ", entries) + "}");
            Environment.SetEnvironmentVariable("KERAS_HOME", folder);
            var index = ImageNetClassIndex.FromKerasCache();
            Assert.That(index.Count, Is.EqualTo(1000));
            Assert.That(index[999], Is.EqualTo(("n00000999", "class_999")));
            var scores = zeros(1, 1000);
            scores[0, 386] = tensor(0.9f);
            Assert.That(ImageNetUtils.DecodePredictions(scores, index, top: 1)[0][0], Is.EqualTo(("n00000386", "class_386", 0.9f)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KERAS_HOME", previous);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void BadInputIsReportedClearly()
    {
        var index = ImageNetClassIndex.Parse(FourClasses);
        Assert.That(() => ImageNetUtils.DecodePredictions(zeros(2, 5), index), Throws.TypeOf<KerasNetException>().With.Message.Contains("(samples, 4)").And.Message.Contains("[2, 5]"));
        Assert.That(() => ImageNetUtils.DecodePredictions(zeros(2, 4), index, top: 5), Throws.TypeOf<KerasNetException>().With.Message.Contains("between 1 and 4"));
        Assert.That(() => ImageNetClassIndex.Parse("""{"0": ["n1", "a"], "2": ["n2", "b"]}"""), Throws.TypeOf<KerasNetException>().With.Message.Contains("\"2\""));
        Assert.That(() => ImageNetClassIndex.Parse("""{"0": ["n1"]}"""), Throws.TypeOf<KerasNetException>().With.Message.Contains("wordnet id"));
        Assert.That(() => ImageNetClassIndex.Parse("[1, 2]"), Throws.TypeOf<KerasNetException>());
        Assert.That(() => ImageNetClassIndex.Load("/nonexistent/imagenet_class_index.json"), Throws.TypeOf<FileNotFoundException>());
    }
}
