using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>The reference MLP: 784-512-256-10 with ReLU, PyTorch's default initialisation.</summary>
internal sealed class TorchMlp : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear fc1 = Linear(784, 512);
    private readonly TorchSharp.Modules.Linear fc2 = Linear(512, 256);
    private readonly TorchSharp.Modules.Linear fc3 = Linear(256, 10);

    public TorchMlp() : base(nameof(TorchMlp)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        fc3.forward(functional.relu(fc2.forward(functional.relu(fc1.forward(x)))));
}
