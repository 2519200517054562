using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>
/// Process-wide libtorch settings: which libtorch is loaded, the device new variables and batches go to, and libtorch's
/// thread count; first use loads the native runtime. It is not an abstraction over engines: TorchSharp is KerasNet's
/// engine, and layers, losses and optimizers use TorchSharp tensors directly.
/// </summary>
public static class Engine
{
    private static Device? _device;

    /// <summary>Makes sure the native runtime is loaded (cheap after the first call).</summary>
    /// <exception cref="KerasNetException">No usable libtorch was found; the message lists every folder tried.</exception>
    public static void Initialize() => NativeRuntime.EnsureLoaded();

    /// <summary>
    /// A folder holding libtorch's libraries (<c>libtorch_cpu.so</c>, …) to use instead of a packaged runtime: a
    /// PyTorch install's <c>torch/lib</c> or a LibTorch download's <c>lib/</c>, version 2.10 (2.11 was seen to
    /// work). Set it before the first model, layer or tensor; the environment variable <c>KERASNET_LIBTORCH_DIR</c>
    /// does the same without code. Reading it gives the folder in use once loaded, else the configured one.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another libtorch is already loaded.</exception>
    public static string? LibTorchDirectory
    {
        get => NativeRuntime.LibTorchDirectoryInUse ?? NativeRuntime.ConfiguredDirectory;
        set => NativeRuntime.SetConfiguredDirectory(value);
    }

    /// <summary>
    /// The device new variables and batches are placed on: CUDA when a CUDA libtorch is loaded and a GPU is
    /// present, else CPU. Set it to choose explicitly.
    /// </summary>
    public static Device Device
    {
        get
        {
            if (_device is null)
            {
                Initialize();
                _device = cuda.is_available() ? CUDA : CPU;
            }
            return _device;
        }
        set => _device = value;
    }

    /// <summary>Number of threads libtorch uses for intra-op parallelism.</summary>
    public static int Threads
    {
        get
        {
            Initialize();
            return get_num_threads();
        }
        set
        {
            Initialize();
            set_num_threads(value);
        }
    }
}
