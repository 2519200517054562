using System.Text.Json.Nodes;

namespace KerasNet.Metrics;

/// <summary>F-1 score <c>2·P·R / (P + R)</c> (Keras <c>F1Score</c>): <see cref="FBetaScore"/> with β = 1.</summary>
public sealed class F1Score(string? average = null, double? threshold = null, string name = "f1_score")
    : FBetaScore(average, beta: 1.0, threshold, name)
{
    /// <inheritdoc />
    public override string ClassName => "F1Score";

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c.Remove("beta");
        return c;
    }
}
