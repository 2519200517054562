using System.Globalization;
using System.Net;
using System.Text;
using KerasNet.Callbacks;

namespace KerasNet.Interactive;

/// <summary>
/// A <see cref="History"/> as HTML: one SVG plot per quantity (the training and, when present, the validation
/// curve), then a table of every value per epoch.
/// </summary>
internal static class HistoryHtml
{
    public static string Format(History history)
    {
        if (history.Epochs.Count == 0) return "<div>History: no epochs recorded.</div>";
        var html = new StringBuilder("<div>");
        foreach (var key in history.Values.Keys.Where(k => !k.StartsWith("val_", StringComparison.Ordinal)))
        {
            var series = history.Values.Keys.Where(k => k == key || k == "val_" + key).ToList();
            html.Append("<div style=\"display:inline-block\">").Append(HistoryPlot.Svg(history, key, series)).Append("</div>");
        }
        html.Append("<table><thead><tr><th>epoch</th>");
        foreach (var key in history.Values.Keys) html.Append("<th>").Append(WebUtility.HtmlEncode(key)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (int i = 0; i < history.Epochs.Count; i++)
        {
            html.Append("<tr><td>").Append(history.Epochs[i] + 1).Append("</td>");
            foreach (var values in history.Values.Values)
                html.Append("<td>").Append(i < values.Count ? values[i].ToString("0.0000", CultureInfo.InvariantCulture) : "").Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }
}
