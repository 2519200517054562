namespace KerasNet.Datasets;

/// <summary>
/// MNIST handwritten digits (LeCun and Cortes, CC BY-SA 3.0): 60,000 training and 10,000 test 28×28
/// grayscale images, like <c>keras.datasets.mnist</c>. Nothing is downloaded: the data is read from
/// disk (see <see cref="LoadData"/>).
/// </summary>
public static class Mnist
{
    /// <summary>The file Keras caches MNIST in, under <c>~/.keras/datasets</c>.</summary>
    public const string KerasCacheFile = "mnist.npz";

    /// <summary>
    /// Loads <c>(xTrain, yTrain), (xTest, yTest)</c>: x uint8 (N, 28, 28) with values 0..255, y uint8
    /// (N) with values 0..9. Looks, in this order, in <paramref name="path"/>,
    /// <c>$KERASNET_DATA/mnist</c>, <c>~/.keras/datasets/mnist</c> and <c>~/.keras/datasets</c>
    /// (<c>$KERAS_HOME</c> replaces <c>~/.keras</c>) for a folder holding the four MNIST distribution
    /// files (<c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>,
    /// <c>t10k-images-idx3-ubyte.gz</c>, <c>t10k-labels-idx1-ubyte.gz</c>, or the same names without
    /// <c>.gz</c>) or Keras's <see cref="KerasCacheFile"/>.
    /// </summary>
    /// <exception cref="KerasNetException">Nothing found (the message lists every folder looked at and how
    /// to get the data), or a file is corrupt.</exception>
    public static (DatasetSplit<byte> Train, DatasetSplit<byte> Test) LoadData(string? path = null)
    {
        var candidates = MnistFormat.StandardCandidates("mnist", path);
        candidates.Add(new("Keras cache of mnist.npz", Path.Combine(MnistFormat.KerasHome, "datasets")));
        return MnistFormat.Load("MNIST", candidates, KerasCacheFile,
            "To get it, download the four MNIST distribution files into one of the folders above, or run " +
            "keras.datasets.mnist.load_data() once in Python (it caches " + KerasCacheFile + " in ~/.keras/datasets).");
    }
}
