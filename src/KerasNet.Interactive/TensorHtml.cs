using System.Net;
using static TorchSharp.torch;

namespace KerasNet.Interactive;

/// <summary>A tensor as HTML: a shape/dtype/device header and its first values (at most 6 along the last two axes, 3 along the others).</summary>
internal static class TensorHtml
{
    private const int LastAxes = 6;
    private const int LeadingAxes = 3;

    public static string Format(Tensor tensor)
    {
        var header = $"Tensor shape=[{string.Join(", ", tensor.shape)}] dtype={tensor.dtype} device={tensor.device}";
        if (tensor.IsInvalid) return $"<div><b>{WebUtility.HtmlEncode(header)}</b> (disposed)</div>";
        using var scope = NewDisposeScope();
        var preview = tensor.detach().cpu();
        bool cut = false;
        for (int axis = 0; axis < preview.dim(); axis++)
        {
            int keep = axis >= preview.dim() - 2 ? LastAxes : LeadingAxes;
            if (preview.shape[axis] <= keep) continue;
            preview = preview.narrow(axis, 0, keep);
            cut = true;
        }
        var values = preview.ToString(TorchSharp.TensorStringStyle.Numpy);
        var note = cut ? $"<div>first values of {tensor.numel():N0}</div>" : "";
        return $"<div><b>{WebUtility.HtmlEncode(header)}</b>{note}<pre>{WebUtility.HtmlEncode(values)}</pre></div>";
    }
}
