using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>
/// The reference convnet (Keras's "Simple MNIST convnet"), channels-first like PyTorch:
/// Conv 32 3×3 relu → MaxPool 2 → Conv 64 3×3 relu → MaxPool 2 → Flatten → Dropout 0.5 → Dense 10.
/// </summary>
internal sealed class TorchCnn : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d c1 = Conv2d(1, 32, 3);
    private readonly TorchSharp.Modules.Conv2d c2 = Conv2d(32, 64, 3);
    private readonly TorchSharp.Modules.Dropout drop = Dropout(0.5);
    private readonly TorchSharp.Modules.Linear fc = Linear(1600, 10);

    public TorchCnn() : base(nameof(TorchCnn)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = functional.max_pool2d(functional.relu(c1.forward(x)), 2);
        x = functional.max_pool2d(functional.relu(c2.forward(x)), 2);
        return fc.forward(drop.forward(flatten(x, 1)));
    }
}
