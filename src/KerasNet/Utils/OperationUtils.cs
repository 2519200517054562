using KerasNet.Layers;

namespace KerasNet.Utils;

/// <summary>Helpers on Functional graphs (Keras <c>operation_utils</c>).</summary>
public static class OperationUtils
{
    /// <summary>
    /// The <c>Input()</c> tensors that <paramref name="tensor"/> is computed from, in the order a depth-first walk
    /// of its history first reaches them (Keras <c>get_source_inputs</c>): the tensor itself when it is an input.
    /// Use them as a model's inputs when building on a tensor that other layers produced.
    /// </summary>
    public static IReadOnlyList<KerasTensor> GetSourceInputs(KerasTensor tensor)
    {
        var sources = new List<KerasTensor>();
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<KerasTensor>([tensor]);
        while (pending.Count > 0)
        {
            var t = pending.Pop();
            if (!seen.Add(t.Node)) continue;
            if (t.Layer is InputLayer)
            {
                sources.Add(t);
                continue;
            }
            for (int i = t.Node.Inputs.Count - 1; i >= 0; i--) pending.Push(t.Node.Inputs[i]);
        }
        return sources;
    }
}
