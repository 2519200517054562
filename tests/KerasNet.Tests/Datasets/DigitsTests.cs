using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>
/// The bundled 8×8 digits. Expected figures were computed with /usr/bin/python3 from scikit-learn's
/// digits.csv.gz (Debian python3-sklearn 1.2.1): per-class counts, per-class pixel sums, first row.
/// </summary>
public class DigitsTests
{
    private static readonly int[] ClassCounts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
    private static readonly double[] ClassPixelSums = [56415, 57007, 55566, 56151, 56239, 55915, 56336, 54289, 57408, 56392];

    /// <summary>Row 0 of the CSV (label 0), as an 8×8 image.</summary>
    private static readonly float[,] FirstImage =
    {
        { 0, 0, 5, 13, 9, 1, 0, 0 }, { 0, 0, 13, 15, 10, 15, 5, 0 }, { 0, 3, 15, 2, 0, 11, 8, 0 }, { 0, 4, 12, 0, 0, 8, 8, 0 },
        { 0, 5, 8, 0, 0, 9, 8, 0 }, { 0, 4, 11, 0, 1, 12, 7, 0 }, { 0, 2, 14, 5, 10, 12, 0, 0 }, { 0, 0, 6, 13, 10, 0, 0, 0 },
    };

    private static IEnumerable<(float[,] Image, byte Label)> Examples(DatasetSplit<float> split) =>
        Enumerable.Range(0, split.Count).Select(i =>
        {
            var image = new float[8, 8];
            for (var r = 0; r < 8; r++) for (var c = 0; c < 8; c++) image[r, c] = split.X[i, r, c];
            return (image, split.Y[i]);
        });

    [Test]
    public void DefaultSplitHas1437TrainAnd360TestImagesOf8x8()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Digits.LoadData();
        Assert.That(new[] { xTrain.GetLength(0), xTrain.GetLength(1), xTrain.GetLength(2) }, Is.EqualTo(new[] { 1437, 8, 8 }));
        Assert.That(new[] { xTest.GetLength(0), xTest.GetLength(1), xTest.GetLength(2) }, Is.EqualTo(new[] { 360, 8, 8 }), "ceil(0.2 * 1797)");
        Assert.That(yTrain, Has.Length.EqualTo(1437));
        Assert.That(yTest, Has.Length.EqualTo(360));
    }

    [Test]
    public void SplitsTogetherHoldEveryExampleOnce()
    {
        var (train, test) = Digits.LoadData(testSplit: 0.25, seed: 3);
        var all = Examples(train).Concat(Examples(test)).ToList();

        var counts = Enumerable.Range(0, 10).Select(c => all.Count(e => e.Label == c)).ToArray();
        Assert.That(counts, Is.EqualTo(ClassCounts));
        var sums = Enumerable.Range(0, 10).Select(c => all.Where(e => e.Label == c).Sum(e => e.Image.Cast<float>().Sum(v => (double)v))).ToArray();
        Assert.That(sums, Is.EqualTo(ClassPixelSums));
        var matches = all.Where(e => e.Image.Cast<float>().SequenceEqual(FirstImage.Cast<float>())).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), "the first CSV row, read row-major");
        Assert.That(matches[0].Label, Is.EqualTo(0));
    }

    [Test]
    public void PixelsAreIntegersFrom0To16AndLabelsFrom0To9()
    {
        var (train, test) = Digits.LoadData();
        foreach (var split in new[] { train, test })
        {
            var pixels = split.X.Cast<float>().ToArray();
            Assert.That(pixels.Min(), Is.EqualTo(0f));
            Assert.That(pixels.Max(), Is.EqualTo(16f));
            Assert.That(pixels.All(v => v == MathF.Round(v)), Is.True);
            Assert.That(split.Y.Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (byte)i)));
            Assert.That((split.MaxValue, split.NumClasses), Is.EqualTo((16f, 10)));
        }
    }

    [Test]
    public void SameSeedGivesTheSameSplitAndAnotherSeedAnother()
    {
        var a = Digits.LoadData(seed: 7);
        var b = Digits.LoadData(seed: 7);
        var c = Digits.LoadData(seed: 8);
        Assert.That(a.Train.X, Is.EqualTo(b.Train.X));
        Assert.That(a.Train.Y, Is.EqualTo(b.Train.Y));
        Assert.That(a.Test.Y, Is.EqualTo(b.Test.Y));
        Assert.That(a.Test.Y, Is.Not.EqualTo(c.Test.Y));
    }

    [Test]
    public void SeedZeroSplitIsPinned()
    {
        // The shuffle is SplitMix64 + Fisher–Yates, independent of .NET's Random. Expected labels come from
        // a Python re-implementation of that shuffle over the CSV: test = permutation[:360], train = the rest;
        // the first test example is CSV row 1219.
        var (train, test) = Digits.LoadData();
        Assert.That(test.Y[..12], Is.EqualTo(new byte[] { 3, 3, 5, 4, 2, 6, 0, 6, 9, 8, 5, 1 }));
        Assert.That(train.Y[..12], Is.EqualTo(new byte[] { 0, 7, 3, 7, 3, 7, 7, 2, 8, 6, 9, 2 }));
    }

    [Test]
    public void ZeroTestSplitKeepsEverythingForTraining()
    {
        var (train, test) = Digits.LoadData(testSplit: 0);
        Assert.That((train.Count, test.Count), Is.EqualTo((1797, 0)));
        Assert.That(test.X.GetLength(1), Is.EqualTo(8));
    }

    [TestCase(-0.1)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void TestSplitOutsideZeroToOneIsRejected(double testSplit)
    {
        var e = Assert.Throws<KerasNetException>(() => Digits.LoadData(testSplit))!;
        Assert.That(e.Message, Does.Contain("testSplit must be in [0, 1)").And.Contain($"got {testSplit}"));
    }

    [Test]
    public void DescriptionAndLicenseShipWithTheData()
    {
        Assert.That(Digits.Description, Does.Contain("Number of Instances: 1797").And.Contain("E. Alpaydin"));
        Assert.That(Digits.License, Does.Contain("BSD 3-Clause").And.Contain("Scikit-Learn Developers").And.Contain("CC BY 4.0"));
    }
}
