using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>
/// The engine seam: which device tensors live on, seeding and threading. Everything else in KerasNet
/// reaches libtorch only through TorchSharp tensors created here or by layers.
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
