using KerasNet.Datasets;

namespace KerasNet.Benchmarks;

/// <summary>Fashion-MNIST as loaded from disk, once, before anything is timed.</summary>
internal sealed record FashionMnistData(DatasetSplit<byte> Train, DatasetSplit<byte> Test)
{
    public static FashionMnistData Load(string? folder)
    {
        var (train, test) = FashionMnist.LoadData(folder);
        return new FashionMnistData(train, test);
    }
}
