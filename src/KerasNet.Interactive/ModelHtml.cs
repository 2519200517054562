using System.Net;
using KerasNet.Models;

namespace KerasNet.Interactive;

/// <summary>A model as HTML: Keras's summary table, or a note when the model is not built yet.</summary>
internal static class ModelHtml
{
    public static string Format(Model model)
    {
        string text;
        try
        {
            text = model.Summary(printFn: _ => { });
        }
        catch (KerasNetException e)
        {
            text = e.Message;
        }
        return $"<pre style=\"line-height:1.25\">{WebUtility.HtmlEncode(text)}</pre>";
    }
}
