using KerasNet.Backend;
using NUnit.Framework;

namespace KerasNet.Tests;

/// <summary>Loads the native runtime once, before any test touches TorchSharp directly.</summary>
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
