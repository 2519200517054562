using KerasNet.Datasets;

namespace KerasNet.Benchmarks;

/// <summary>Fashion-MNIST as loaded from disk, once per process, before anything is timed.</summary>
internal sealed record FashionMnistData(DatasetSplit<byte> Train, DatasetSplit<byte> Test)
{
    private static FashionMnistData? _loaded;

    public static FashionMnistData Load(string? folder)
    {
        if (_loaded is not null) return _loaded;
        var (train, test) = FashionMnist.LoadData(folder);
        return _loaded = new FashionMnistData(train, test);
    }
}
