using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Backend;

/// <summary>
/// Keras's convolution ops (<c>keras.ops.conv</c>, <c>conv_transpose</c>, <c>depthwise_conv</c>,
/// <c>separable_conv</c>) on libtorch: inputs in the layer's <c>data_format</c>, kernels in Keras's layout
/// (spatial axes first), TensorFlow's padding rules. Each op pads at most once, and not at all when the
/// padding is even on every axis.
/// </summary>
internal static class ConvOps
{
    /// <summary>
    /// N-D convolution (cross-correlation). <paramref name="kernel"/> is <c>(k…, in/groups, out)</c>; padding
    /// is <c>valid</c>, <c>same</c> or <c>causal</c>.
    /// </summary>
    public static Tensor Conv(Tensor inputs, Tensor kernel, Tensor? bias, IReadOnlyList<int> strides, string padding, IReadOnlyList<int> dilation,
        string dataFormat, long groups = 1)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        var y = ConvChannelsFirst(x, TorchKernel(kernel), bias, strides, padding, dilation, groups);
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    /// <summary>
    /// Depthwise convolution: <paramref name="kernel"/> is <c>(k…, in, depth_multiplier)</c>; output channel
    /// <c>c·depth_multiplier + m</c> is input channel <c>c</c> convolved with <c>kernel[…, c, m]</c>.
    /// </summary>
    public static Tensor DepthwiseConv(Tensor inputs, Tensor kernel, Tensor? bias, IReadOnlyList<int> strides, string padding, IReadOnlyList<int> dilation,
        string dataFormat)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        var y = ConvChannelsFirst(x, DepthwiseTorchKernel(kernel), bias, strides, padding, dilation, groups: kernel.shape[^2]);
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    /// <summary>
    /// Depthwise convolution followed by a 1×…×1 pointwise convolution <c>(1…, in·depth_multiplier, filters)</c>;
    /// strides, padding and dilation apply to the depthwise step, the bias to the result.
    /// </summary>
    public static Tensor SeparableConv(Tensor inputs, Tensor depthwiseKernel, Tensor pointwiseKernel, Tensor? bias, IReadOnlyList<int> strides,
        string padding, IReadOnlyList<int> dilation, string dataFormat)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        var depthwise = ConvChannelsFirst(x, DepthwiseTorchKernel(depthwiseKernel), null, strides, padding, dilation,
            groups: depthwiseKernel.shape[^2]);
        var ones = Enumerable.Repeat(1, strides.Count).ToArray();
        var y = TorchConv(depthwise, TorchKernel(pointwiseKernel), bias, ones, new long[strides.Count], ones, 1);
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    /// <summary>
    /// Transposed convolution with TensorFlow's output size and alignment (the gradient of a convolution):
    /// <paramref name="kernel"/> is <c>(k…, out, in)</c>, padding <c>valid</c> or <c>same</c>,
    /// <paramref name="outputPadding"/> null for Keras's default.
    /// </summary>
    public static Tensor ConvTranspose(Tensor inputs, Tensor kernel, Tensor? bias, IReadOnlyList<int> strides, string padding, IReadOnlyList<int>? outputPadding,
        IReadOnlyList<int> dilation, string dataFormat)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        int rank = strides.Count;
        var sizes = ConvGeometry.SpatialSizes(x);
        var kernelSizes = KernelSizes(kernel);
        long[] outLength = new long[rank], cropStart = new long[rank], torchOutputPadding = new long[rank];
        bool crop = false;
        for (int i = 0; i < rank; i++)
        {
            outLength[i] = ConvGeometry.TransposeOutputLength(sizes[i], kernelSizes[i], strides[i], dilation[i], padding, outputPadding?[i])!.Value;
            cropStart[i] = ConvGeometry.TransposeCropStart(sizes[i], outLength[i], kernelSizes[i], strides[i], dilation[i], padding);
            long full = (sizes[i] - 1) * strides[i] + ConvGeometry.EffectiveSize(kernelSizes[i], dilation[i]);
            // torch returns full[p : full − p + output_padding] (zeros past the end of full). Keras's sizes need
            // output_padding = wanted in [−1, stride − 1]: −1 (an odd 'same' crop, more at the end) is cut after.
            long wanted = outLength[i] - (full - 2 * cropStart[i]);
            torchOutputPadding[i] = Math.Max(wanted, 0);
            crop |= wanted < 0;
        }
        var y = TorchConvTranspose(x, TorchKernel(kernel), bias, strides, cropStart, torchOutputPadding, dilation);
        for (int i = 0; crop && i < rank; i++) y = y.narrow(2 + i, 0, outLength[i]);
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    /// <summary>Keras kernel <c>(k…, a, b)</c> as torch's <c>(b, a, k…)</c> (a view).</summary>
    private static Tensor TorchKernel(Tensor kernel)
    {
        int rank = (int)kernel.dim() - 2;
        return kernel.permute([rank + 1, rank, .. Enumerable.Range(0, rank).Select(i => (long)i)]);
    }

    /// <summary>Keras depthwise kernel <c>(k…, in, m)</c> as torch's grouped <c>(in·m, 1, k…)</c>.</summary>
    private static Tensor DepthwiseTorchKernel(Tensor kernel)
    {
        var s = kernel.shape;
        return TorchKernel(kernel.reshape([.. s[..^2], 1, s[^2] * s[^1]]));
    }

    private static int[] KernelSizes(Tensor kernel) => kernel.shape[..^2].Select(k => (int)k).ToArray();

    /// <summary>Pads (once at most) and convolves a channels-first tensor with a torch-layout kernel.</summary>
    private static Tensor ConvChannelsFirst(Tensor x, Tensor torchKernel, Tensor? bias, IReadOnlyList<int> strides, string padding, IReadOnlyList<int> dilation, long groups)
    {
        var sizes = ConvGeometry.SpatialSizes(x);
        var kernelSizes = torchKernel.shape[2..];
        var pads = sizes.Select((n, i) => ConvGeometry.Padding(n, (int)kernelSizes[i], strides[i], dilation[i], padding)).ToArray();
        var padded = ConvGeometry.Pad(x, pads, 0.0, out var symmetric);
        return TorchConv(padded, torchKernel, bias, strides, symmetric, dilation, groups);
    }

    private static Tensor TorchConv(Tensor x, Tensor w, Tensor? b, IReadOnlyList<int> strides, long[] padding, IReadOnlyList<int> dilation, long groups)
    {
        long[] s = ConvGeometry.Longs(strides), d = ConvGeometry.Longs(dilation);
        return strides.Count switch
        {
            1 => F.conv1d(x, w, b, s[0], padding[0], d[0], groups),
            2 => F.conv2d(x, w, b, s, padding, d, groups),
            3 => F.conv3d(x, w, b, s, padding, d, groups),
            _ => throw new KerasNetException($"Convolutions have 1 to 3 spatial axes, got {strides.Count}."),
        };
    }

    private static Tensor TorchConvTranspose(Tensor x, Tensor w, Tensor? b, IReadOnlyList<int> strides, long[] padding, long[] outputPadding, IReadOnlyList<int> dilation)
    {
        long[] s = ConvGeometry.Longs(strides), d = ConvGeometry.Longs(dilation);
        return strides.Count switch
        {
            1 => F.conv_transpose1d(x, w, b, s[0], padding[0], outputPadding[0], d[0]),
            2 => F.conv_transpose2d(x, w, b, s, padding, outputPadding, d),
            3 => F.conv_transpose3d(x, w, b, s, padding, outputPadding, d),
            _ => throw new KerasNetException($"Transposed convolutions have 1 to 3 spatial axes, got {strides.Count}."),
        };
    }
}
