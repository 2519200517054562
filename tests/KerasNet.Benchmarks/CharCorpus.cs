using System.Text.Json;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>
/// The character corpus of the <c>lstm</c> workload (shared/bench/prep_data.py: the Debian fortunes as one id per
/// character in <c>corpus_ids.u8</c>, the characters in <c>vocab.json</c>), and the random training windows
/// bench_torch.py draws from it.
/// </summary>
internal sealed class CharCorpus
{
    public const int BatchSize = 64;
    public const int SequenceLength = 100;

    private static CharCorpus? _loaded;

    private CharCorpus(Tensor ids, int vocabulary)
    {
        Ids = ids;
        Vocabulary = vocabulary;
    }

    /// <summary>Every character's id, int64.</summary>
    public Tensor Ids { get; }

    /// <summary>How many distinct characters.</summary>
    public int Vocabulary { get; }

    /// <summary>Loads the corpus once per process from <paramref name="folder"/>, or from the first <c>bench-data</c> here or above.</summary>
    public static CharCorpus Load(string? folder)
    {
        if (_loaded is not null) return _loaded;
        folder ??= Find() ?? throw new DirectoryNotFoundException(
            "No bench-data folder here or above: run `bash /work/shared/bench/setup.sh` in the repository root, or pass --corpus DIR.");
        var bytes = File.ReadAllBytes(Path.Combine(folder, "corpus_ids.u8"));
        int vocabulary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "vocab.json"))).RootElement.GetArrayLength();
        var ids = tensor(bytes).to(ScalarType.Int64);
        ids.DetachFromDisposeScope();
        return _loaded = new CharCorpus(ids, vocabulary);
    }

    /// <summary>
    /// One training batch as bench_torch.py draws it: 64 random windows of 101 characters (start drawn from
    /// <paramref name="generator"/>), split into inputs (the first 100) and targets (the last 100).
    /// </summary>
    public (Tensor X, Tensor Y) Batch(Generator generator, int batchSize = BatchSize)
    {
        var starts = randint(0, Ids.shape[0] - SequenceLength - 1, [batchSize], generator: generator);
        var window = Ids.index_select(0, (starts.unsqueeze(1) + arange(SequenceLength + 1).unsqueeze(0)).reshape(-1)).view(batchSize, SequenceLength + 1);
        return (window.narrow(1, 0, SequenceLength), window.narrow(1, 1, SequenceLength));
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "bench-data", "corpus_ids.u8"))) return Path.Combine(dir.FullName, "bench-data");
        return null;
    }
}
