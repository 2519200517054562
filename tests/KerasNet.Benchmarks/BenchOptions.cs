namespace KerasNet.Benchmarks;

/// <summary>Command-line settings shared by every workload.</summary>
/// <param name="Epochs">Training epochs per run (the reference uses 1).</param>
/// <param name="Repeats">Independent runs per side; the median is reported.</param>
/// <param name="DataDir">Folder with the Fashion-MNIST IDX files; null searches like <c>FashionMnist.LoadData</c>.</param>
/// <param name="Threads">libtorch intra-op threads (the reference uses 2).</param>
/// <param name="CorpusDir">Folder with <c>corpus_ids.u8</c> and <c>vocab.json</c> (shared/bench/prep_data.py); null looks for <c>bench-data</c> here and in the folders above.</param>
/// <param name="LstmSteps">Training steps of the <c>lstm</c> workload (the reference uses 200).</param>
internal sealed record BenchOptions(int Epochs = 1, int Repeats = 1, string? DataDir = null, int Threads = 2, string? CorpusDir = null, int LstmSteps = 200);
