using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>
/// Process-wide libtorch settings: the device new variables and batches go to, and libtorch's thread count; first use
/// loads the native runtime. It is not an abstraction over engines: TorchSharp is KerasNet's engine, and layers, losses
/// and optimizers use TorchSharp tensors directly.
/// </summary>
public static class Engine
{
    private static Device? _device;

    static Engine() => NativeRuntime.EnsureLoaded();

    /// <summary>Makes sure the native runtime is loaded (cheap after the first call).</summary>
    public static void Initialize() => NativeRuntime.EnsureLoaded();

    /// <summary>
    /// The device new variables and batches are placed on: CUDA when the CUDA package is referenced
    /// and a GPU is present, else CPU. Set it to choose explicitly.
    /// </summary>
    public static Device Device
    {
        get => _device ??= cuda.is_available() ? CUDA : CPU;
        set => _device = value;
    }

    /// <summary>Number of threads libtorch uses for intra-op parallelism.</summary>
    public static int Threads
    {
        get => get_num_threads();
        set => set_num_threads(value);
    }
}
