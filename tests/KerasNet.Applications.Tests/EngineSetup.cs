using KerasNet.Backend;
using NUnit.Framework;

namespace KerasNet.Applications.Tests;

/// <summary>Loads the native runtime once and uses at most two threads, as CI's machine has.</summary>
[SetUpFixture]
public sealed class EngineSetup
{
    [OneTimeSetUp]
    public void LoadEngine()
    {
        Engine.Initialize();
        Engine.Threads = Math.Min(2, Environment.ProcessorCount);
    }
}
