using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>Which folder the MNIST-style loaders read, and what they say when no folder has the data.</summary>
public class DataLocationTests : IsolatedDataFolders
{
    private string MissingDebian => Path.Combine(Files.Root, "no-debian");

    [Test]
    public void MissingFashionMnistNamesEveryFolderAndTheAptPackage()
    {
        var given = Path.Combine(Files.Root, "nowhere");
        var e = Assert.Throws<KerasNetException>(() => FashionMnist.LoadData(given, MissingDebian))!;
        Assert.That(e.Message, Does.StartWith("Fashion-MNIST data not found."));
        Assert.That(e.Message, Does.Contain($"{given} (argument 'path'): no such folder"));
        Assert.That(e.Message, Does.Contain($"{Path.Combine(DataRoot, "fashion-mnist")} ($KERASNET_DATA/fashion-mnist): no such folder"));
        Assert.That(e.Message, Does.Contain($"{Path.Combine(KerasHome, "datasets", "fashion-mnist")} (Keras cache): no such folder"));
        Assert.That(e.Message, Does.Contain($"{MissingDebian} (Debian package dataset-fashion-mnist): no such folder"));
        Assert.That(e.Message, Does.Contain("apt-get install dataset-fashion-mnist"));
        Assert.That(e.Message, Does.Contain("train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"));
    }

    [Test]
    public void UnsetDataVariableIsReported()
    {
        Environment.SetEnvironmentVariable("KERASNET_DATA", null);
        var e = Assert.Throws<KerasNetException>(() => FashionMnist.LoadData(null, MissingDebian))!;
        Assert.That(e.Message, Does.Contain("$KERASNET_DATA/fashion-mnist: KERASNET_DATA is not set"));
        Assert.That(e.Message, Does.Not.Contain("argument 'path'"));
    }

    [Test]
    public void FolderWithSomeFilesListsTheMissingOnes()
    {
        var folder = Files.Folder("partial");
        DatasetFiles.WriteMnistFolder(folder, train: 2, test: 2);
        File.Delete(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
        File.Delete(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        var e = Assert.Throws<KerasNetException>(() => FashionMnist.LoadData(folder, MissingDebian))!;
        Assert.That(e.Message, Does.Contain($"{folder} (argument 'path'): missing train-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"));
    }

    [Test]
    public void IsAvailableLooksInTheSameFoldersAsLoadData()
    {
        var given = Files.Folder("given");
        var debian = Files.Folder("debian");
        Assert.That(FashionMnist.IsAvailable(given, debian), Is.False, "empty folders");
        DatasetFiles.WriteMnistFolder(debian, train: 1, test: 1);
        Assert.That(FashionMnist.IsAvailable(given, debian), Is.True, "the Debian folder");
        Assert.That(FashionMnist.IsAvailable(null, MissingDebian), Is.False);
        DatasetFiles.WriteMnistFolder(given, train: 1, test: 1);
        File.Delete(Path.Combine(given, "t10k-labels-idx1-ubyte.gz"));
        Assert.That(FashionMnist.IsAvailable(given, MissingDebian), Is.False, "three of the four files");
        DatasetFiles.WriteMnistFolder(Files.Folder(Path.Combine("keras-home", "datasets", "fashion-mnist")), train: 1, test: 1);
        Assert.That(FashionMnist.IsAvailable(given, MissingDebian), Is.True, "the Keras cache");
    }

    [Test]
    public void SearchOrderIsPathThenDataVariableThenKerasCacheThenDebian()
    {
        var given = Files.Folder("given");
        var data = Files.Folder(Path.Combine("kerasnet-data", "fashion-mnist"));
        var keras = Files.Folder(Path.Combine("keras-home", "datasets", "fashion-mnist"));
        var debian = Files.Folder("debian");
        // Each folder holds a different number of training images, which tells which one was read.
        DatasetFiles.WriteMnistFolder(given, train: 1, test: 1);
        DatasetFiles.WriteMnistFolder(data, train: 2, test: 1);
        DatasetFiles.WriteMnistFolder(keras, train: 3, test: 1);
        DatasetFiles.WriteMnistFolder(debian, train: 4, test: 1);

        Assert.That(FashionMnist.LoadData(given, debian).Train.Count, Is.EqualTo(1));
        Assert.That(FashionMnist.LoadData(null, debian).Train.Count, Is.EqualTo(2));
        Directory.Delete(data, recursive: true);
        Assert.That(FashionMnist.LoadData(null, debian).Train.Count, Is.EqualTo(3));
        Directory.Delete(keras, recursive: true);
        Assert.That(FashionMnist.LoadData(null, debian).Train.Count, Is.EqualTo(4));
        Assert.That(FashionMnist.LoadData(Path.Combine(Files.Root, "nowhere"), debian).Train.Count, Is.EqualTo(4),
            "a given folder without the files falls through to the next place");
    }

    [Test]
    public void MissingMnistNamesEveryFolderAndKerasCacheFile()
    {
        var e = Assert.Throws<KerasNetException>(() => Mnist.LoadData())!;
        Assert.That(e.Message, Does.StartWith("MNIST data not found."));
        Assert.That(e.Message, Does.Contain("or mnist.npz in:"));
        Assert.That(e.Message, Does.Contain($"{Path.Combine(DataRoot, "mnist")} ($KERASNET_DATA/mnist): no such folder"));
        Assert.That(e.Message, Does.Contain($"{Path.Combine(KerasHome, "datasets", "mnist")} (Keras cache): no such folder"));
        Assert.That(e.Message, Does.Contain($"{Path.Combine(KerasHome, "datasets")} (Keras cache of mnist.npz): no such folder"));
        Assert.That(e.Message, Does.Contain("keras.datasets.mnist.load_data()"));
    }

    [Test]
    public void MnistReadsIdxFilesFromTheDataVariable()
    {
        DatasetFiles.WriteMnistFolder(Files.Folder(Path.Combine("kerasnet-data", "mnist")), train: 6, test: 4);
        var (train, test) = Mnist.LoadData();
        Assert.That((train.Count, test.Count), Is.EqualTo((6, 4)));
        Assert.That(train.Y, Is.EqualTo(new byte[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(train.X[5, 1, 2], Is.EqualTo((5 * 7 + 28 + 2) % 256));
    }
}
