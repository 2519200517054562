using System.Globalization;

namespace KerasNet.Callbacks;

/// <summary>
/// Streams epoch results to a CSV file (Keras <c>CSVLogger</c>): an <c>epoch</c> column, then the log entries in
/// sorted order (with <c>val_</c> columns even before the first validation), one row per epoch, flushed each time.
/// </summary>
/// <param name="filename">The CSV file.</param>
/// <param name="separator">Column separator.</param>
/// <param name="append">Append to an existing file (its header is kept) instead of overwriting it.</param>
public sealed class CSVLogger(string filename, string separator = ",", bool append = false) : Callback
{
    private StreamWriter? _file;
    private List<string>? _keys;
    private bool _writeHeader;

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _writeHeader = !(append && File.Exists(filename) && new FileInfo(filename).Length > 0);
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(filename))!;
            Directory.CreateDirectory(folder);
            _file = new StreamWriter(filename, append) { NewLine = "\r\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KerasNetException($"CSVLogger: cannot open '{filename}' for writing: {e.Message}", e);
        }
        _keys = null;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (_file is null) return;
        if (_keys is null)
        {
            _keys = logs.Keys.Order(StringComparer.Ordinal).ToList();
            if (!_keys.Any(k => k.StartsWith("val_", StringComparison.Ordinal))) _keys.AddRange(_keys.Select(k => "val_" + k).ToList());
            if (_writeHeader) _file.WriteLine(string.Join(separator, new[] { "epoch" }.Concat(_keys)));
        }
        var row = _keys.Select(k => logs.TryGetValue(k, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "NA");
        _file.WriteLine(string.Join(separator, new[] { epoch.ToString(CultureInfo.InvariantCulture) }.Concat(row)));
        _file.Flush();
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        _file?.Dispose();
        _file = null;
    }
}
