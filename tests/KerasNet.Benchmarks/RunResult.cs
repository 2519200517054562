namespace KerasNet.Benchmarks;

/// <summary>What one training-and-inference run measured, in the reference's units.</summary>
internal sealed record RunResult(
    double TrainSps,
    double TrainSeconds,
    double TestAccuracy,
    double FinalLoss,
    double InferB1Sps,
    double InferB256Sps,
    double RssBeforeTrainMb,
    double RssAfterTrainMb);
