using KerasNet.Layers;
using KerasNet.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>
/// A Keras application written directly in TorchSharp (channels-first, <c>torch.nn</c> modules, inference mode): the
/// other side of the <c>apps</c> benchmark. Its modules carry the Keras layer names, so the KerasNet model's weights
/// can be copied in and the two outputs compared.
/// </summary>
internal abstract class KerasTwin : Module<Tensor, Tensor>
{
    private readonly Dictionary<string, Module> _layers = [];

    protected KerasTwin(string name) : base(name) { }

    protected Conv2d Conv(string name, long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, bool bias = true, long groups = 1) =>
        Add(name, Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, bias: bias, groups: groups));

    protected BatchNorm2d BatchNorm(string name, long channels, double epsilon) => Add(name, BatchNorm2d(channels, eps: epsilon));

    protected Linear Dense(string name, long inFeatures, long outFeatures) => Add(name, Linear(inFeatures, outFeatures));

    private T Add<T>(string name, T module) where T : Module
    {
        register_module(name, module);
        _layers[name] = module;
        return module;
    }

    /// <summary>Copies the weights of the KerasNet model's layers of the same names (Keras layouts to torch layouts).</summary>
    public void CopyWeightsFrom(Model keras)
    {
        using var _ = no_grad();
        foreach (var (name, module) in _layers)
        {
            var layer = keras.GetLayer(name);
            switch (module, layer)
            {
                case (Conv2d conv, DepthwiseConv2D depthwise):
                    var k = depthwise.OwnWeights[0].Value; // (kh, kw, in, multiplier)
                    conv.weight!.copy_(k.reshape(k.shape[0], k.shape[1], 1, -1).permute(3, 2, 0, 1));
                    break;
                case (Conv2d conv, Conv2D dense):
                    conv.weight!.copy_(dense.OwnWeights[0].Value.permute(3, 2, 0, 1)); // (kh, kw, in, out) → (out, in, kh, kw)
                    if (conv.bias is { } b) b.copy_(dense.OwnWeights[1].Value);
                    break;
                case (BatchNorm2d bn, BatchNormalization k2):
                    bn.weight!.copy_(k2.Gamma!.Value);
                    bn.bias!.copy_(k2.Beta!.Value);
                    bn.running_mean!.copy_(k2.MovingMean.Value);
                    bn.running_var!.copy_(k2.MovingVariance.Value);
                    break;
                case (Linear linear, Dense d):
                    linear.weight!.copy_(d.Kernel.Value.t());
                    linear.bias!.copy_(d.Bias!.Value);
                    break;
                default:
                    throw new InvalidOperationException($"{GetName()}: cannot copy Keras layer '{name}' ({layer.ClassName}) into {module.GetType().Name}.");
            }
        }
    }
}
