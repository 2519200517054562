using System.IO.Compression;

namespace KerasNet.Datasets;

/// <summary>
/// The 8×8 handwritten digits set shipped inside KerasNet (scikit-learn's <c>load_digits</c>: the
/// UCI "Optical Recognition of Handwritten Digits" test set): 1,797 images, 10 classes, each pixel a
/// count 0..16. Keras has no loader for it; values follow scikit-learn's. Needs no download, so
/// examples and tests run anywhere. See <see cref="Description"/> and <see cref="License"/>.
/// </summary>
public static class Digits
{
    private const string ResourcePrefix = "KerasNet.Datasets.Data.";
    private const int Side = 8;
    private const int Classes = 10;

    /// <summary>
    /// Loads <c>(xTrain, yTrain), (xTest, yTest)</c>: x float32 (N, 8, 8) with integer values 0..16
    /// (<see cref="DatasetSplit{T}.XTensor"/> with <c>flatten: true</c> gives scikit-learn's (N, 64)),
    /// y uint8 (N) with values 0..9. The split is a seeded shuffle: the test part is the first
    /// ⌈<paramref name="testSplit"/>·1797⌉ examples of the permutation (360 for 0.2), like scikit-learn's
    /// <c>train_test_split</c>. The same seed gives the same split on every machine.
    /// </summary>
    /// <param name="testSplit">Fraction of examples held out for testing, in [0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static (DatasetSplit<float> Train, DatasetSplit<float> Test) LoadData(double testSplit = 0.2, int seed = 0)
    {
        if (!(testSplit >= 0 && testSplit < 1))
            throw new KerasNetException($"Digits.LoadData: testSplit must be in [0, 1), got {testSplit}.");
        var (x, y) = ReadAll();
        var order = Permutation(y.Length, seed);
        var testCount = (int)Math.Ceiling(testSplit * y.Length);
        return (Take(x, y, order.AsSpan(testCount)), Take(x, y, order.AsSpan(0, testCount)));
    }

    /// <summary>scikit-learn's description of the data set (<c>digits.rst</c>), with its references.</summary>
    public static string Description => ReadText("digits.rst");

    /// <summary>Attribution and licence of the shipped data (scikit-learn BSD-3-Clause; UCI CC BY 4.0).</summary>
    public static string License => ReadText("LICENSE-digits.txt");

    private static (float[,,] X, byte[] Y) ReadAll()
    {
        using var gz = new GZipStream(OpenResource("digits.csv.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var rows = new List<int[]>();
        while (reader.ReadLine() is { Length: > 0 } line)
            rows.Add(Array.ConvertAll(line.Split(','), int.Parse));
        var x = new float[rows.Count, Side, Side];
        var y = new byte[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var p = 0; p < Side * Side; p++) x[i, p / Side, p % Side] = rows[i][p];
            y[i] = (byte)rows[i][Side * Side];
        }
        return (x, y);
    }

    private static DatasetSplit<float> Take(float[,,] x, byte[] y, ReadOnlySpan<int> rows)
    {
        var xs = new float[rows.Length, Side, Side];
        var ys = new byte[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var r = 0; r < Side; r++)
                for (var c = 0; c < Side; c++)
                    xs[i, r, c] = x[rows[i], r, c];
            ys[i] = y[rows[i]];
        }
        return new DatasetSplit<float>(xs, ys, maxValue: 16, numClasses: Classes);
    }

    /// <summary>A Fisher–Yates shuffle of 0..n-1 driven by SplitMix64, so it never depends on the runtime's Random.</summary>
    private static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var state = (ulong)(uint)seed;
        for (var i = n - 1; i > 0; i--)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            var j = (int)(z % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static Stream OpenResource(string name) =>
        typeof(Digits).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new KerasNetException($"KerasNet was built without its embedded resource '{ResourcePrefix + name}'.");

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }
}
