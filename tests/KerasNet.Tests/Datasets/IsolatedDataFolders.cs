using NUnit.Framework;

namespace KerasNet.Tests.Datasets;

/// <summary>
/// Base for tests of the folder search: points <c>KERASNET_DATA</c> and <c>KERAS_HOME</c> at empty
/// temporary folders so the machine's own caches never leak in, and restores both afterwards.
/// </summary>
[NonParallelizable]
public abstract class IsolatedDataFolders
{
    private string? _savedData, _savedKerasHome;

    internal DatasetFiles Files { get; private set; } = null!;

    /// <summary><c>$KERASNET_DATA</c> during the test.</summary>
    protected string DataRoot { get; private set; } = "";

    /// <summary><c>$KERAS_HOME</c> during the test.</summary>
    protected string KerasHome { get; private set; } = "";

    [SetUp]
    public void IsolateFolders()
    {
        _savedData = Environment.GetEnvironmentVariable("KERASNET_DATA");
        _savedKerasHome = Environment.GetEnvironmentVariable("KERAS_HOME");
        Files = new DatasetFiles();
        DataRoot = Files.Folder("kerasnet-data");
        KerasHome = Files.Folder("keras-home");
        Environment.SetEnvironmentVariable("KERASNET_DATA", DataRoot);
        Environment.SetEnvironmentVariable("KERAS_HOME", KerasHome);
    }

    [TearDown]
    public void RestoreFolders()
    {
        Environment.SetEnvironmentVariable("KERASNET_DATA", _savedData);
        Environment.SetEnvironmentVariable("KERAS_HOME", _savedKerasHome);
        Files.Dispose();
    }
}
