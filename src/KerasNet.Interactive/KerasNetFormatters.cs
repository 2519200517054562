using KerasNet.Callbacks;
using KerasNet.Models;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace KerasNet.Interactive;

/// <summary>
/// KerasNet's notebook formatters: a <see cref="Model"/> as its Keras summary table, a <see cref="History"/> as
/// loss and metric plots with a table of epoch values, a tensor as its shape, dtype and a small value preview; and
/// <c>Fit</c> progress as one display updated in place. The package's kernel extension calls <see cref="Register"/>
/// when a notebook runs <c>#r "nuget: KerasNet.Interactive"</c>.
/// </summary>
public static class KerasNetFormatters
{
    /// <summary>Registers the formatters and routes progress to the notebook (idempotent).</summary>
    public static void Register()
    {
        Formatter.Register<Model>((model, writer) => writer.Write(ModelHtml.Format(model)), HtmlFormatter.MimeType);
        Formatter.Register<History>((history, writer) => writer.Write(HistoryHtml.Format(history)), HtmlFormatter.MimeType);
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(TensorHtml.Format(tensor)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Model), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(History), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), HtmlFormatter.MimeType);
        if (ProgressOutput.Current is not NotebookProgressOutput)
            ProgressOutput.Current = new NotebookProgressOutput(ProgressOutput.Current);
    }
}
