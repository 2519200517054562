using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KerasNet.Backend;

internal static class ModuleStartup
{
    /// <summary>
    /// Runs when the KerasNet assembly is first touched, so that the native runtime is loaded before
    /// TorchSharp's own loader runs, in apps, tests and notebooks alike. It never throws: a failure (no libtorch
    /// found yet) is reported by the first model, layer or <see cref="Engine"/> call, after the user had the
    /// chance to set <see cref="Engine.LibTorchDirectory"/>.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The native loader must run before any TorchSharp call.")]
    internal static void Run() => NativeRuntime.TryLoadAtStartup();
}
