namespace KerasNet.Benchmarks;

/// <summary>Command-line settings shared by every workload.</summary>
/// <param name="Epochs">Training epochs per run (the reference uses 1).</param>
/// <param name="Repeats">Independent runs per side; the median is reported.</param>
/// <param name="DataDir">Folder with the Fashion-MNIST IDX files; null searches like <c>FashionMnist.LoadData</c>.</param>
/// <param name="Threads">libtorch intra-op threads (the reference uses 2).</param>
internal sealed record BenchOptions(int Epochs = 1, int Repeats = 1, string? DataDir = null, int Threads = 2);
