using System.Diagnostics;
using KerasNet.Callbacks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace KerasNet.Interactive;

/// <summary>
/// Progress in a notebook: each <c>Fit</c> gets one display that is updated in place (epoch lines plus the live bar,
/// at most once a second), so the saved notebook holds one output per run instead of one per step. Outside a
/// running cell it writes to the output it replaced.
/// </summary>
internal sealed class NotebookProgressOutput(ProgressOutput fallback) : ProgressOutput
{
    private const int UpdateMilliseconds = 1000;
    private readonly List<string> _lines = [];
    private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();
    private DisplayedValue? _display;
    private KernelInvocationContext? _context;

    public override bool IsLive => KernelInvocationContext.Current is not null || fallback.IsLive;

    public override void Begin()
    {
        _lines.Clear();
        _display = null;
        _context = KernelInvocationContext.Current;
        if (_context is null) fallback.Begin();
    }

    public override void Redraw(string line)
    {
        if (KernelInvocationContext.Current is null)
        {
            fallback.Redraw(line);
            return;
        }
        if (_display is not null && _sinceUpdate.ElapsedMilliseconds < UpdateMilliseconds) return;
        Show(string.Join('\n', _lines.Append(line)));
    }

    public override void WriteLine(string line)
    {
        if (KernelInvocationContext.Current is not { } context)
        {
            fallback.WriteLine(line);
            return;
        }
        if (!ReferenceEquals(context, _context)) Begin(); // e.g. Evaluate's line in a later cell
        _lines.Add(line);
        Show(string.Join('\n', _lines));
    }

    private void Show(string text)
    {
        if (_display is null) _display = KernelInvocationContextExtensions.Display(KernelInvocationContext.Current!, text, PlainTextFormatter.MimeType);
        else _display.Update(text);
        _sinceUpdate.Restart();
    }
}
