using System.Runtime.InteropServices;

namespace KerasNet.Backend;

/// <summary>
/// Turns libtorch's oneDNN (MKLDNN) CPU kernels off at load time. libtorch 2.10's oneDNN convolution returns wrong
/// numbers (sometimes NaN) on some CPUs — on AVX-512 machines for input-channel counts above 16 that are not a
/// multiple of 16, and for grouped convolutions on channels-last views (see native/README.md). With oneDNN off,
/// libtorch uses its own convolution kernels, which are right on every CPU; the cost is convolution speed.
/// Setting <c>KERASNET_ONEDNN=1</c> keeps oneDNN on, for machines where it has been checked.
/// </summary>
internal static class OneDnnSwitch
{
    /// <summary>The environment variable that keeps oneDNN on when set to <c>1</c>.</summary>
    public const string Variable = "KERASNET_ONEDNN";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    /// <summary>Whether oneDNN is on in this process (false after <see cref="Apply"/> unless the user kept it).</summary>
    public static bool Enabled { get; private set; } = true;

    /// <summary>Applies the setting through <c>at::globalContext().setUserEnabledMkldnn</c> of the loaded libtorch_cpu.</summary>
    public static void Apply(string libtorchCpuPath)
    {
        if (Environment.GetEnvironmentVariable(Variable) == "1") return;
        if (!NativeLibrary.TryLoad(libtorchCpuPath, out var library)
            || !NativeLibrary.TryGetExport(library, "_ZN2at13globalContextEv", out var globalContext)
            || !NativeLibrary.TryGetExport(library, "_ZN2at7Context20setUserEnabledMkldnnEb", out var setEnabled))
            throw new KerasNetException(
                $"KerasNet could not turn off oneDNN in {libtorchCpuPath} (at::Context::setUserEnabledMkldnn not exported). " +
                $"Set {Variable}=1 to run with oneDNN on, knowing that its convolution is wrong on some CPUs.");
        var context = Marshal.GetDelegateForFunctionPointer<GlobalContext>(globalContext)();
        Marshal.GetDelegateForFunctionPointer<SetUserEnabledMkldnn>(setEnabled)(context, false);
        Enabled = false;
    }
}
