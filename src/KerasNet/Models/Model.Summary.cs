using System.Text;
using KerasNet.Layers;

namespace KerasNet.Models;

public partial class Model
{
    /// <summary>
    /// Prints Keras's summary table: each layer with its type, output shape and parameter count (and, for
    /// Functional models, what it is connected to: every tensor its calls consume, named tensor arguments included, as
    /// Keras 3 prints it), then total, trainable and non-trainable parameters.
    /// </summary>
    /// <param name="printFn">Where lines go (the console by default).</param>
    /// <returns>The summary text.</returns>
    public string Summary(Action<string>? printFn = null)
    {
        if (!Built || Sublayers.Any(l => !l.Built))
            throw new KerasNetException($"Model '{Name}' has not been built yet: give the first layer an input shape, add an Input, or call Fit/Predict first.");
        bool connected = IsFunctional && this is not Sequential;
        var rows = new List<string[]>();
        foreach (var layer in Layers)
        {
            var nodes = layer.InboundNodes.Where(n => BelongsToThisModel(n)).ToList();
            string shape = nodes.Count switch
            {
                0 => "?",
                1 => FormatOutputs(nodes[0]),
                _ => "multiple",
            };
            string connections = connected
                ? string.Join(", ", nodes.SelectMany(n => n.InputTensors).Select(t => $"{t.Layer.Name}[{t.KerasHistory.NodeIndex}][{t.TensorIndex}]"))
                : "";
            rows.Add(connected
                ? [$"{layer.Name} ({layer.ClassName})", shape, layer.Weights.Sum(w => w.Value.numel()).ToString("N0"), connections == "" ? "-" : connections]
                : [$"{layer.Name} ({layer.ClassName})", shape, layer.Weights.Sum(w => w.Value.numel()).ToString("N0")]);
        }

        string[] headers = connected ? ["Layer (type)", "Output Shape", "Param #", "Connected to"] : ["Layer (type)", "Output Shape", "Param #"];
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length)) + 2).ToArray();
        int total = widths.Sum();
        var sb = new StringBuilder();
        sb.AppendLine($"Model: \"{Name}\"");
        sb.AppendLine(new string('━', total));
        sb.AppendLine(Row(headers, widths));
        sb.AppendLine(new string('━', total));
        for (int i = 0; i < rows.Count; i++)
        {
            sb.AppendLine(Row(rows[i], widths));
            sb.AppendLine(i == rows.Count - 1 ? new string('━', total) : new string('─', total));
        }
        long trainable = TrainableWeights.Sum(w => w.Value.numel());
        long nonTrainable = NonTrainableWeights.Sum(w => w.Value.numel());
        sb.AppendLine($" Total params: {trainable + nonTrainable:N0} ({Bytes(trainable + nonTrainable)})");
        sb.AppendLine($" Trainable params: {trainable:N0} ({Bytes(trainable)})");
        sb.AppendLine($" Non-trainable params: {nonTrainable:N0} ({Bytes(nonTrainable)})");
        var text = sb.ToString();
        (printFn ?? Console.Write)(text);
        return text;
    }

    private bool BelongsToThisModel(Node node) => _graph is null || _graph.NodeSet.Contains(node);

    private static string FormatOutputs(Node node) =>
        node.Outputs.Count == 1 ? node.Outputs[0].Shape.ToString() : "[" + string.Join(", ", node.Outputs.Select(o => o.Shape)) + "]";

    private static string Row(string[] cells, int[] widths) =>
        string.Concat(cells.Select((c, i) => (" " + c).PadRight(widths[i])));

    private static string Bytes(long parameters)
    {
        double b = parameters * 4.0;
        return b >= 1 << 20 ? $"{b / (1 << 20):0.00} MB" : b >= 1 << 10 ? $"{b / 1024:0.00} KB" : $"{b:0.00} B";
    }
}
