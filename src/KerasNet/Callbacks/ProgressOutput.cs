namespace KerasNet.Callbacks;

/// <summary>
/// Where <c>Fit</c> and <c>Evaluate</c> write their progress (the <see cref="ProgbarLogger"/> and Evaluate's result
/// line). The console by default; set <see cref="Current"/> to send it elsewhere, e.g. a build log
/// (<c>ProgressOutput.Current = ProgressOutput.ToLines(line =&gt; Information(line));</c> in a Cake script) or a
/// notebook display that updates in place (KerasNet.Interactive does this when loaded).
/// </summary>
public abstract class ProgressOutput
{
    /// <summary>The output progress bars created from now on write to (process-wide).</summary>
    public static ProgressOutput Current { get; set; } = new ConsoleProgressOutput();

    /// <summary>
    /// True when <see cref="Redraw"/> is shown (a live line redrawn in place); otherwise a <c>verbose: 1</c> bar
    /// writes one line per epoch.
    /// </summary>
    public abstract bool IsLive { get; }

    /// <summary>A new run (one <c>Fit</c>) starts writing.</summary>
    public virtual void Begin() { }

    /// <summary>Replaces the live line with <paramref name="line"/>.</summary>
    public abstract void Redraw(string line);

    /// <summary>Writes a lasting line (it replaces the live line, if one is shown).</summary>
    public abstract void WriteLine(string line);

    /// <summary>An output that hands each lasting line to <paramref name="writeLine"/> (no live line).</summary>
    public static ProgressOutput ToLines(Action<string> writeLine) => new LineProgressOutput(writeLine);

    /// <summary>An output that writes lasting lines to <paramref name="writer"/> (no live line).</summary>
    public static ProgressOutput ToWriter(TextWriter writer) => new LineProgressOutput(line =>
    {
        writer.WriteLine(line);
        writer.Flush();
    });

    private sealed class LineProgressOutput(Action<string> writeLine) : ProgressOutput
    {
        public override bool IsLive => false;
        public override void Redraw(string line) { }
        public override void WriteLine(string line) => writeLine(line);
    }
}
