using KerasNet.Callbacks;
using ScottPlot;

namespace KerasNet.Interactive;

/// <summary>One quantity of a <see cref="History"/> (e.g. loss and val_loss) against the epoch, drawn by ScottPlot as SVG.</summary>
internal static class HistoryPlot
{
    public static string Svg(History history, string title, IReadOnlyList<string> keys, int width = 420, int height = 300)
    {
        var plot = new Plot();
        foreach (var key in keys)
        {
            var values = history[key].ToArray();
            var epochs = history.Epochs.Take(values.Length).Select(e => (double)(e + 1)).ToArray();
            var line = plot.Add.Scatter(epochs, values);
            line.LegendText = key;
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.ShowLegend();
        return plot.GetSvgXml(width, height);
    }
}
