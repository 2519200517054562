using KerasNet.Layers;

namespace KerasNet;

/// <summary>
/// Keras's top-level functions. <c>using static KerasNet.Keras;</c> lets code read like the Keras docs:
/// <c>var inputs = Input(shape: [784]);</c>
/// </summary>
public static class Keras
{
    /// <summary>
    /// A symbolic input of per-sample <paramref name="shape"/> (Keras <c>keras.Input</c>), the start of a
    /// Functional model.
    /// </summary>
    public static KerasTensor Input(Shape? shape = null, int? batchSize = null, string dtype = "float32",
        string? name = null, Shape? batchShape = null) =>
        new InputLayer(shape, batchSize, dtype, name, batchShape).Output;

    /// <summary>Resets the default-name counters (Keras <c>clear_session</c>).</summary>
    public static void ClearSession() => LayerNames.Reset();
}
