using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>
/// The real Fashion-MNIST (Debian's package; CI installs it, elsewhere the test is skipped without it). Expected
/// sums and rows were computed with /usr/bin/python3 (gzip + sum) from the package files.
/// </summary>
public class FashionMnistRealDataTests
{
    [Test]
    public void DebianFashionMnistHasKerasShapesAndBalancedClasses()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = TestData.FashionMnistOrSkip(FashionMnist.DebianFolder);

        Assert.That(new[] { xTrain.GetLength(0), xTrain.GetLength(1), xTrain.GetLength(2) }, Is.EqualTo(new[] { 60000, 28, 28 }));
        Assert.That(new[] { xTest.GetLength(0), xTest.GetLength(1), xTest.GetLength(2) }, Is.EqualTo(new[] { 10000, 28, 28 }));
        Assert.That(yTrain.Max(), Is.EqualTo(9));
        Assert.That(yTest.Max(), Is.EqualTo(9));
        Assert.That(Enumerable.Range(0, 10).Select(c => yTrain.Count(y => y == c)), Is.All.EqualTo(6000));
        Assert.That(Enumerable.Range(0, 10).Select(c => yTest.Count(y => y == c)), Is.All.EqualTo(1000));
        Assert.That(yTrain[..10], Is.EqualTo(new byte[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }));
        Assert.That(yTest[..10], Is.EqualTo(new byte[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 }));
        Assert.That(xTrain.Cast<byte>().Sum(b => (long)b), Is.EqualTo(3_431_114_169L));
        Assert.That(xTest.Cast<byte>().Sum(b => (long)b), Is.EqualTo(573_469_082L));
        Assert.That(Enumerable.Range(0, 28).Select(c => xTrain[0, 14, c]),
            Is.EqualTo(new byte[] { 0, 0, 1, 4, 6, 7, 2, 0, 0, 0, 0, 0, 237, 226, 217, 223, 222, 219, 222, 221, 216, 223, 229, 215, 218, 255, 77, 0 }));
        Assert.That(FashionMnist.ClassNames[yTrain[0]], Is.EqualTo("Ankle boot"));
    }
}
