using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KerasNet.Callbacks;

/// <summary>
/// Keras's progress output: <c>verbose: 1</c> draws a bar with step count, ETA, time per step and running
/// metrics (redrawn at most every 50 ms where the output shows a live line, else one line per epoch);
/// <c>verbose: 2</c> prints one line per epoch; 0 prints nothing. Writes to <see cref="ProgressOutput.Current"/>
/// unless given an output.
/// </summary>
public sealed class ProgbarLogger : Callback
{
    private const int Width = 20;
    private readonly int _verbose;
    private readonly ProgressOutput _out;
    private readonly Stopwatch _clock = new();
    private int? _steps;
    private int _epochs;
    private long _lastDraw;
    private int _seen;

    /// <summary>Creates the logger writing lines to <paramref name="output"/> (<see cref="ProgressOutput.Current"/> by default).</summary>
    public ProgbarLogger(int verbose = 1, TextWriter? output = null)
        : this(verbose, output is null ? ProgressOutput.Current : ProgressOutput.ToWriter(output)) { }

    /// <summary>Creates the logger writing to <paramref name="output"/>.</summary>
    public ProgbarLogger(int verbose, ProgressOutput output)
    {
        _verbose = verbose;
        _out = output;
    }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _epochs = Params.TryGetValue("epochs", out var e) && e is int n ? n : 1;
        _steps = Params.TryGetValue("steps", out var s) ? s as int? : null;
        if (_verbose != 0) _out.Begin();
    }

    /// <inheritdoc />
    public override void OnEpochBegin(int epoch, Logs logs)
    {
        if (_verbose == 0) return;
        _out.WriteLine($"Epoch {epoch + 1}/{_epochs}");
        _clock.Restart();
        _lastDraw = 0;
        _seen = 0;
    }

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        _seen = batch + 1;
        if (_verbose != 1 || !_out.IsLive) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 50 && batch + 1 != _steps) return;
        _lastDraw = now;
        Draw(batch + 1, logs, final: false);
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (_verbose == 0) return;
        Draw(_seen, logs, final: true);
    }

    private void Draw(int current, Logs logs, bool final)
    {
        double elapsed = _clock.Elapsed.TotalSeconds;
        double perStep = current > 0 ? elapsed / current : 0;
        var line = new StringBuilder();
        int target = _steps ?? current;
        if (_verbose == 1)
        {
            int digits = target.ToString(CultureInfo.InvariantCulture).Length;
            line.Append(current.ToString(CultureInfo.InvariantCulture).PadLeft(digits)).Append('/').Append(target).Append(' ');
            int filled = target > 0 ? (int)(Width * Math.Min(1.0, (double)current / target)) : Width;
            line.Append(new string('━', filled)).Append(new string('─', Width - filled)).Append(' ');
            line.Append(FormatTime(final ? elapsed : perStep * Math.Max(0, target - current))).Append(' ');
            line.Append(FormatTime(perStep)).Append("/step");
        }
        else
        {
            line.Append(current).Append('/').Append(target).Append(" - ").Append(FormatTime(elapsed))
                .Append(" - ").Append(FormatTime(perStep)).Append("/step");
        }
        foreach (var (k, v) in logs)
            line.Append(" - ").Append(k).Append(": ").Append(FormatValue(v));

        var text = line.ToString();
        if (final) _out.WriteLine(text);
        else _out.Redraw(text);
    }

    /// <summary>Keras's value format: 4 decimals, scientific below 1e-3.</summary>
    internal static string FormatValue(double v) =>
        Math.Abs(v) > 1e-3 || v == 0 ? v.ToString("0.0000", CultureInfo.InvariantCulture) : v.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    /// <summary>Keras's time format: <c>2s</c>, <c>15ms</c>, <c>80us</c>.</summary>
    internal static string FormatTime(double seconds) =>
        seconds >= 1 ? $"{seconds:0}s" : seconds >= 1e-3 ? $"{seconds * 1e3:0}ms" : $"{seconds * 1e6:0}us";
}
