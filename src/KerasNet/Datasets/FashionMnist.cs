namespace KerasNet.Datasets;

/// <summary>
/// Fashion-MNIST (Zalando, MIT licence): 60,000 training and 10,000 test 28×28 grayscale images of
/// 10 clothing classes, like <c>keras.datasets.fashion_mnist</c>. Nothing is downloaded: the four IDX
/// files are read from disk (see <see cref="LoadData(string?)"/>).
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Loads <c>(xTrain, yTrain), (xTest, yTest)</c>: x uint8 (N, 28, 28) with values 0..255, y uint8
    /// (N) with values 0..9. Reads <c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>,
    /// <c>t10k-images-idx3-ubyte.gz</c> and <c>t10k-labels-idx1-ubyte.gz</c> (or the same names without
    /// <c>.gz</c>) from the first folder that holds all four, in this order: <paramref name="path"/>,
    /// <c>$KERASNET_DATA/fashion-mnist</c>, Keras's cache <c>~/.keras/datasets/fashion-mnist</c>
    /// (<c>$KERAS_HOME</c> replaces <c>~/.keras</c>), and <see cref="DebianFolder"/>.
    /// </summary>
    /// <exception cref="KerasNetException">No folder holds the files (the message lists every folder
    /// looked at and how to get the data), or a file is corrupt.</exception>
    public static (DatasetSplit<byte> Train, DatasetSplit<byte> Test) LoadData(string? path = null) =>
        LoadData(path, DebianFolder);

    internal static (DatasetSplit<byte> Train, DatasetSplit<byte> Test) LoadData(string? path, string debianFolder) =>
        MnistFormat.Load("Fashion-MNIST", Candidates(path, debianFolder), npzName: null,
            "To get it, install Debian's package (it fills " + DebianFolder + "):\n" +
            "    apt-get install dataset-fashion-mnist\n" +
            "or download the four files from Keras's mirror https://storage.googleapis.com/tensorflow/tf-keras-datasets/ " +
            "into one of the folders above.");

    /// <summary>
    /// True when <see cref="LoadData(string?)"/> would find the four files (in <paramref name="path"/> or the
    /// standard folders); the files are not read, so a corrupt file still fails when loading.
    /// </summary>
    public static bool IsAvailable(string? path = null) => IsAvailable(path, DebianFolder);

    internal static bool IsAvailable(string? path, string debianFolder) => MnistFormat.Exists(Candidates(path, debianFolder), npzName: null);

    private static List<MnistFormat.Candidate> Candidates(string? path, string debianFolder)
    {
        var candidates = MnistFormat.StandardCandidates("fashion-mnist", path);
        candidates.Add(new("Debian package dataset-fashion-mnist", debianFolder));
        return candidates;
    }
}
