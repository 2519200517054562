using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// A stack of cells acting as one cell (Keras <c>StackedRNNCells</c>): each step feeds the inputs through the cells in
/// order, each cell's output being the next one's input. Its states are the cells' states in order, flattened
/// (<c>[h₁, c₁, h₂, c₂]</c> for two LSTM cells); its output is the last cell's.
/// </summary>
public sealed class StackedRNNCells : RNNCell
{
    /// <summary>Stacks <paramref name="cells"/> (at least one).</summary>
    public StackedRNNCells(IReadOnlyList<RNNCell> cells, string? name = null, bool trainable = true) : base(name, trainable)
    {
        if (cells.Count == 0) throw new KerasNetException($"StackedRNNCells '{Name}' needs at least one cell.");
        Cells = cells.Select(AddSublayer).ToList();
    }

    /// <summary>The cells, first to last.</summary>
    public IReadOnlyList<RNNCell> Cells { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> StateSize => Cells.SelectMany(c => c.StateSize).ToList();

    /// <inheritdoc />
    public override int OutputSize => Cells[^1].OutputSize;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        foreach (var cell in Cells)
        {
            cell.EnsureBuilt([inputShape, .. cell.StateSize.Select(s => new Shape([inputShape[0], s]))]);
            inputShape = new Shape([inputShape[0], cell.OutputSize]);
        }
    }

    /// <inheritdoc />
    public override (Tensor Output, IReadOnlyList<Tensor> States) Call(Tensor inputs, IReadOnlyList<Tensor> states, bool training)
    {
        var next = new List<Tensor>(states.Count);
        foreach (var cell in Cells)
        {
            var (output, cellStates) = cell.Call(inputs, states.Skip(next.Count).Take(cell.StateSize.Count).ToList(), training);
            next.AddRange(cellStates);
            inputs = output;
        }
        return (inputs, next);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor> GetInitialState(long batchSize) => Cells.SelectMany(c => c.GetInitialState(batchSize)).ToList();

    /// <inheritdoc />
    public override void ResetDropoutMasks()
    {
        foreach (var cell in Cells) cell.ResetDropoutMasks();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["cells"] = new JsonArray([.. Cells.Select(cell => (JsonNode)new JsonObject { ["class_name"] = cell.ClassName, ["config"] = cell.GetConfig() })]);
        return c;
    }
}
