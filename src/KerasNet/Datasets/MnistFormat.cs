namespace KerasNet.Datasets;

/// <summary>
/// Finds and reads 28×28 ten-class datasets stored like the MNIST distribution: four IDX files
/// (gzip-compressed or not) in one folder, or Keras's <c>.npz</c> cache file. Shared by
/// <see cref="Mnist"/> and <see cref="FashionMnist"/>.
/// </summary>
internal static class MnistFormat
{
    /// <summary>One place to look: a folder, or a reason there is none (an unset variable).</summary>
    internal sealed record Candidate(string Label, string? Folder);

    private const int Side = 28;
    private const int Classes = 10;
    private const string TrainImages = "train-images-idx3-ubyte.gz";
    private const string TrainLabels = "train-labels-idx1-ubyte.gz";
    private const string TestImages = "t10k-images-idx3-ubyte.gz";
    private const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The four file names, as distributed.</summary>
    internal static readonly string[] FileNames = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>The environment variable naming a folder with one sub-folder per dataset.</summary>
    internal const string DataVariable = "KERASNET_DATA";

    /// <summary>Keras's cache folder: <c>$KERAS_HOME</c>, else <c>~/.keras</c>.</summary>
    internal static string KerasHome =>
        Environment.GetEnvironmentVariable("KERAS_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".keras");

    /// <summary>The given folder, <c>$KERASNET_DATA/&lt;name&gt;</c> and <c>~/.keras/datasets/&lt;name&gt;</c>, in that order.</summary>
    internal static List<Candidate> StandardCandidates(string name, string? path)
    {
        var list = new List<Candidate>();
        if (path is not null) list.Add(new("argument 'path'", path));
        var data = Environment.GetEnvironmentVariable(DataVariable);
        list.Add(data is { Length: > 0 }
            ? new($"${DataVariable}/{name}", Path.Combine(data, name))
            : new($"${DataVariable}/{name}: {DataVariable} is not set", null));
        list.Add(new("Keras cache", Path.Combine(KerasHome, "datasets", name)));
        return list;
    }

    /// <summary>
    /// Loads from the first candidate folder holding all four IDX files, or else <paramref name="npzName"/>
    /// when given; fails listing every place looked at and <paramref name="howToGet"/>.
    /// </summary>
    internal static (DatasetSplit<byte> Train, DatasetSplit<byte> Test) Load(
        string title, IEnumerable<Candidate> candidates, string? npzName, string howToGet)
    {
        var (idxFiles, npz, looked) = Locate(candidates, npzName);
        if (idxFiles is not null) return (ReadIdx(title, idxFiles[0], idxFiles[1]), ReadIdx(title, idxFiles[2], idxFiles[3]));
        if (npz is not null) return ReadNpz(title, npz);
        throw new KerasNetException(
            $"{title} data not found. Looked for {string.Join(", ", FileNames)}{(npzName is null ? "" : $" or {npzName}")} in:\n" +
            string.Join("\n", looked) + "\n" + howToGet);
    }

    /// <summary>True when some candidate folder holds the data (the files are not read).</summary>
    internal static bool Exists(IEnumerable<Candidate> candidates, string? npzName)
    {
        var (idxFiles, npz, _) = Locate(candidates, npzName);
        return idxFiles is not null || npz is not null;
    }

    /// <summary>
    /// The four IDX files of the first candidate folder holding them all, or else its <paramref name="npzName"/>
    /// file; when neither is found, both are null and <c>Looked</c> says why for every place looked at.
    /// </summary>
    private static (string[]? IdxFiles, string? Npz, List<string> Looked) Locate(IEnumerable<Candidate> candidates, string? npzName)
    {
        var looked = new List<string>();
        foreach (var c in candidates)
        {
            if (c.Folder is null)
            {
                looked.Add($"  - {c.Label}");
                continue;
            }
            if (!Directory.Exists(c.Folder))
            {
                looked.Add($"  - {c.Folder} ({c.Label}): no such folder");
                continue;
            }
            var files = FileNames.Select(n => Find(c.Folder, n)).ToArray();
            if (files.All(f => f is not null)) return (files.Select(f => f!).ToArray(), null, looked);
            if (npzName is not null && File.Exists(Path.Combine(c.Folder, npzName)))
                return (null, Path.Combine(c.Folder, npzName), looked);
            var missing = FileNames.Where((_, i) => files[i] is null);
            looked.Add($"  - {c.Folder} ({c.Label}): missing {string.Join(", ", missing)}{(npzName is null ? "" : $" (and no {npzName})")}");
        }
        return (null, null, looked);
    }

    /// <summary>The file as named, or its decompressed twin without <c>.gz</c>.</summary>
    private static string? Find(string folder, string name)
    {
        var gz = Path.Combine(folder, name);
        if (File.Exists(gz)) return gz;
        var plain = gz[..^".gz".Length];
        return File.Exists(plain) ? plain : null;
    }

    private static DatasetSplit<byte> ReadIdx(string title, string imagesFile, string labelsFile) =>
        Check(title, IdxFile.ReadImages(imagesFile), imagesFile, IdxFile.ReadLabels(labelsFile), labelsFile);

    private static (DatasetSplit<byte>, DatasetSplit<byte>) ReadNpz(string title, string file)
    {
        using var npz = new NpzArchive(file);
        return (Check(title, npz.ReadRank3("x_train"), $"{file}:x_train", npz.ReadRank1("y_train"), $"{file}:y_train"),
                Check(title, npz.ReadRank3("x_test"), $"{file}:x_test", npz.ReadRank1("y_test"), $"{file}:y_test"));
    }

    private static DatasetSplit<byte> Check(string title, byte[,,] x, string xFrom, byte[] y, string yFrom)
    {
        if (x.GetLength(1) != Side || x.GetLength(2) != Side)
            throw new KerasNetException($"'{xFrom}' holds images of {x.GetLength(1)}x{x.GetLength(2)} pixels; expected {Side}x{Side} for {title}.");
        if (x.GetLength(0) != y.Length)
            throw new KerasNetException($"'{xFrom}' holds {x.GetLength(0):N0} images but '{yFrom}' holds {y.Length:N0} labels; expected equal counts.");
        var bad = Array.FindIndex(y, label => label >= Classes);
        if (bad >= 0)
            throw new KerasNetException($"'{yFrom}' is corrupt: label {bad} is {y[bad]}; expected 0..{Classes - 1} for {title}.");
        return new DatasetSplit<byte>(x, y, maxValue: 255, numClasses: Classes);
    }
}
