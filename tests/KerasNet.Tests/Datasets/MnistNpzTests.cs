using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>MNIST from Keras's own cache file, <c>~/.keras/datasets/mnist.npz</c>.</summary>
public class MnistNpzTests : IsolatedDataFolders
{
    private string CacheFile => Path.Combine(Files.Folder(Path.Combine("keras-home", "datasets")), "mnist.npz");

    private static Dictionary<string, byte[]> Arrays(int train, int test) => new()
    {
        ["x_train"] = DatasetFiles.Npy($"({train}, 28, 28)", DatasetFiles.Pixels(train)),
        ["y_train"] = DatasetFiles.Npy($"({train},)", DatasetFiles.Labels(train)),
        ["x_test"] = DatasetFiles.Npy($"({test}, 28, 28)", DatasetFiles.Pixels(test)),
        ["y_test"] = DatasetFiles.Npy($"({test},)", DatasetFiles.Labels(test)),
    };

    [Test]
    public void ReadsKerasCacheFile()
    {
        DatasetFiles.WriteNpz(CacheFile, Arrays(train: 3, test: 2));

        var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();

        Assert.That(new[] { xTrain.GetLength(0), xTrain.GetLength(1), xTrain.GetLength(2) }, Is.EqualTo(new[] { 3, 28, 28 }));
        Assert.That(yTrain, Is.EqualTo(new byte[] { 0, 1, 2 }));
        Assert.That(yTest, Is.EqualTo(new byte[] { 0, 1 }));
        Assert.That(xTrain[2, 3, 4], Is.EqualTo((2 * 7 + 3 * 28 + 4) % 256));
        Assert.That(xTest[1, 27, 27], Is.EqualTo((7 + 783) % 256));
    }

    [Test]
    public void WrongDtypeIsRejected()
    {
        var arrays = Arrays(train: 2, test: 2);
        arrays["x_test"] = DatasetFiles.Npy("(2, 28, 28)", new byte[2 * 28 * 28 * 4], descr: "<f4");
        DatasetFiles.WriteNpz(CacheFile, arrays);
        var e = Assert.Throws<KerasNetException>(() => Mnist.LoadData())!;
        Assert.That(e.Message, Does.Contain("mnist.npz:x_test.npy").And.Contain("dtype <f4").And.Contain("expected uint8"));
    }

    [Test]
    public void ShapeThatDisagreesWithTheDataIsRejected()
    {
        var arrays = Arrays(train: 2, test: 2);
        arrays["x_train"] = DatasetFiles.Npy("(3, 28, 28)", DatasetFiles.Pixels(2));
        DatasetFiles.WriteNpz(CacheFile, arrays);
        var e = Assert.Throws<KerasNetException>(() => Mnist.LoadData())!;
        Assert.That(e.Message, Does.Contain("mnist.npz:x_train.npy").And.Contain("shape (3, 28, 28)").And.Contain("truncated"));
    }

    [Test]
    public void MissingArrayIsNamed()
    {
        var arrays = Arrays(train: 2, test: 2);
        arrays.Remove("y_test");
        DatasetFiles.WriteNpz(CacheFile, arrays);
        var e = Assert.Throws<KerasNetException>(() => Mnist.LoadData())!;
        Assert.That(e.Message, Does.Contain("has no array 'y_test'").And.Contain("x_train.npy"));
    }

    [Test]
    public void FileThatIsNotAZipIsRejected()
    {
        File.WriteAllBytes(CacheFile, [1, 2, 3, 4, 5]);
        var e = Assert.Throws<KerasNetException>(() => Mnist.LoadData())!;
        Assert.That(e.Message, Does.Contain("mnist.npz").And.Contain("not a valid .npz"));
    }
}
