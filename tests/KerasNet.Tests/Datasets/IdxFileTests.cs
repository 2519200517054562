using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>IDX parsing through the public loaders, on small files the tests write.</summary>
public class IdxFileTests : IsolatedDataFolders
{
    private string _folder = "";
    private string _missingDebian = "";

    [SetUp]
    public void MakeFolder()
    {
        _folder = Files.Folder("idx");
        _missingDebian = Path.Combine(Files.Root, "no-debian");
    }

    private (DatasetSplit<byte> Train, DatasetSplit<byte> Test) Load() => FashionMnist.LoadData(_folder, _missingDebian);

    [TestCase(true)]
    [TestCase(false)]
    public void ReadsImagesAndLabelsExactly(bool gzip)
    {
        DatasetFiles.WriteMnistFolder(_folder, train: 5, test: 3, gzip);

        var ((xTrain, yTrain), (xTest, yTest)) = Load();

        Assert.That(new[] { xTrain.GetLength(0), xTrain.GetLength(1), xTrain.GetLength(2) }, Is.EqualTo(new[] { 5, 28, 28 }));
        Assert.That(new[] { xTest.GetLength(0), xTest.GetLength(1), xTest.GetLength(2) }, Is.EqualTo(new[] { 3, 28, 28 }));
        Assert.That(yTrain, Is.EqualTo(new byte[] { 0, 1, 2, 3, 4 }));
        Assert.That(yTest, Is.EqualTo(new byte[] { 0, 1, 2 }));
        // Pixel (i, r, c) was written as (i*7 + r*28 + c) mod 256, row-major.
        Assert.That(xTrain[0, 0, 0], Is.EqualTo(0));
        Assert.That(xTrain[0, 0, 27], Is.EqualTo(27));
        Assert.That(xTrain[0, 1, 0], Is.EqualTo(28));
        Assert.That(xTrain[0, 27, 27], Is.EqualTo(783 % 256));
        Assert.That(xTrain[4, 2, 3], Is.EqualTo((4 * 7 + 2 * 28 + 3) % 256));
        Assert.That(xTest[2, 9, 9], Is.EqualTo((2 * 7 + 9 * 28 + 9) % 256));
    }

    private void WriteValidThenReplace(string stem, byte[] idx, bool gzip = true)
    {
        DatasetFiles.WriteMnistFolder(_folder, train: 4, test: 2);
        File.Delete(Path.Combine(_folder, stem + ".gz"));
        DatasetFiles.Write(_folder, stem, idx, gzip);
    }

    private static readonly byte[] TwoBlankImages = new byte[2 * 28 * 28];

    [Test]
    public void WrongMagicNumberIsRejected()
    {
        var idx = DatasetFiles.Idx([2, 28, 28], TwoBlankImages);
        idx[0] = 0x12;
        WriteValidThenReplace("t10k-images-idx3-ubyte", idx);
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("t10k-images-idx3-ubyte.gz").And.Contain("not an IDX file")
            .And.Contain("0x12000803").And.Contain("expected 0x00000803"));
    }

    [Test]
    public void NonByteElementTypeIsRejected()
    {
        WriteValidThenReplace("t10k-images-idx3-ubyte", DatasetFiles.Idx([2, 28, 28], TwoBlankImages, type: 0x0D));
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("type 0x0D").And.Contain("unsigned bytes (0x08"));
    }

    [Test]
    public void LabelsFileInPlaceOfImagesIsRejectedByRank()
    {
        WriteValidThenReplace("train-images-idx3-ubyte", DatasetFiles.Idx([4], [0, 1, 2, 3]));
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("train-images-idx3-ubyte.gz").And.Contain("rank-1").And.Contain("expected rank 3"));
    }

    [Test]
    public void TruncatedDataIsRejectedBeforeReading()
    {
        var idx = DatasetFiles.Idx([2, 28, 28], TwoBlankImages);
        WriteValidThenReplace("t10k-images-idx3-ubyte", idx[..^100]);
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("t10k-images-idx3-ubyte.gz").And.Contain("(2, 28, 28)")
            .And.Contain("1,584 bytes").And.Contain("1,484 bytes"));
    }

    [Test]
    public void TruncatedPlainFileIsRejected()
    {
        var idx = DatasetFiles.Idx([2, 28, 28], TwoBlankImages);
        WriteValidThenReplace("t10k-images-idx3-ubyte", idx[..^1], gzip: false);
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("t10k-images-idx3-ubyte'").And.Contain("1,584 bytes").And.Contain("1,583 bytes"));
    }

    [Test]
    public void TruncatedHeaderIsRejected()
    {
        WriteValidThenReplace("t10k-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0]);
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("t10k-labels-idx1-ubyte.gz").And.Contain("truncated inside its IDX header"));
    }

    [Test]
    public void CorruptGzipStreamIsRejected()
    {
        var gz = DatasetFiles.Gzip(DatasetFiles.Idx([2], [0, 1]));
        for (var i = 10; i < gz.Length - 8; i++) gz[i] = 0xFF;
        DatasetFiles.WriteMnistFolder(_folder, train: 4, test: 2);
        File.WriteAllBytes(Path.Combine(_folder, "t10k-labels-idx1-ubyte.gz"), gz);
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("t10k-labels-idx1-ubyte.gz").And.Contain("not a valid gzip file"));
    }

    [Test]
    public void ImagesOfAnotherSizeAreRejected()
    {
        WriteValidThenReplace("t10k-images-idx3-ubyte", DatasetFiles.Idx([2, 27, 28], new byte[2 * 27 * 28]));
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("27x28").And.Contain("expected 28x28 for Fashion-MNIST"));
    }

    [Test]
    public void ImageAndLabelCountsMustAgree()
    {
        WriteValidThenReplace("t10k-labels-idx1-ubyte", DatasetFiles.Idx([3], [0, 1, 2]));
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("2 images").And.Contain("3 labels").And.Contain("t10k-labels-idx1-ubyte.gz"));
    }

    [Test]
    public void LabelOutsideTheTenClassesIsRejected()
    {
        WriteValidThenReplace("t10k-labels-idx1-ubyte", DatasetFiles.Idx([2], [3, 10]));
        var e = Assert.Throws<KerasNetException>(() => Load())!;
        Assert.That(e.Message, Does.Contain("label 1 is 10").And.Contain("expected 0..9"));
    }
}
