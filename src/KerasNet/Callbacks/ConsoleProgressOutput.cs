namespace KerasNet.Callbacks;

/// <summary>
/// The console as a <see cref="ProgressOutput"/>: a live line redrawn with a carriage return on a terminal; only
/// lasting lines when output is redirected to a file or pipe.
/// </summary>
public sealed class ConsoleProgressOutput : ProgressOutput
{
    private int _liveWidth;

    /// <inheritdoc />
    public override bool IsLive => !Console.IsOutputRedirected;

    /// <inheritdoc />
    public override void Redraw(string line)
    {
        Console.Out.Write('\r' + line.PadRight(_liveWidth));
        Console.Out.Flush();
        _liveWidth = line.Length;
    }

    /// <inheritdoc />
    public override void WriteLine(string line)
    {
        Console.Out.WriteLine(_liveWidth > 0 ? '\r' + line.PadRight(_liveWidth) : line);
        Console.Out.Flush();
        _liveWidth = 0;
    }
}
