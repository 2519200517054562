using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Benchmarks;

/// <summary>
/// Keras's ResNet50 (v1: the stride on the first 1×1 convolution of a block, biased convolutions, batch normalization
/// ε 1.001e-5) in TorchSharp, channels-first, with logits out.
/// </summary>
internal sealed class TorchResNet50 : KerasTwin
{
    private sealed record Block(Conv2d? ShortcutConv, BatchNorm2d? ShortcutBn, Conv2d Conv1, BatchNorm2d Bn1, Conv2d Conv2, BatchNorm2d Bn2, Conv2d Conv3, BatchNorm2d Bn3);

    private const double Epsilon = 1.001e-5;
    private readonly Conv2d _stem;
    private readonly BatchNorm2d _stemBn;
    private readonly List<Block> _blocks = [];
    private readonly Linear _fc;

    public TorchResNet50() : base(nameof(TorchResNet50))
    {
        _stem = Conv("conv1_conv", 3, 64, 7, stride: 2);
        _stemBn = BatchNorm("conv1_bn", 64, Epsilon);
        long channels = 64;
        foreach (var (stack, filters, blocks, stride1) in new[] { (2, 64L, 3, 1L), (3, 128L, 4, 2L), (4, 256L, 6, 2L), (5, 512L, 3, 2L) })
            for (int i = 1; i <= blocks; i++)
            {
                string n = $"conv{stack}_block{i}";
                long stride = i == 1 ? stride1 : 1;
                _blocks.Add(new Block(
                    i == 1 ? Conv($"{n}_0_conv", channels, 4 * filters, 1, stride) : null,
                    i == 1 ? BatchNorm($"{n}_0_bn", 4 * filters, Epsilon) : null,
                    Conv($"{n}_1_conv", channels, filters, 1, stride), BatchNorm($"{n}_1_bn", filters, Epsilon),
                    Conv($"{n}_2_conv", filters, filters, 3, padding: 1), BatchNorm($"{n}_2_bn", filters, Epsilon),
                    Conv($"{n}_3_conv", filters, 4 * filters, 1), BatchNorm($"{n}_3_bn", 4 * filters, Epsilon)));
                channels = 4 * filters;
            }
        _fc = Dense("predictions", 2048, 1000);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = F.relu(_stemBn.forward(_stem.forward(F.pad(x, [3, 3, 3, 3]))));
        x = F.max_pool2d(F.pad(x, [1, 1, 1, 1]), 3, 2);
        foreach (var b in _blocks)
        {
            var shortcut = b.ShortcutConv is null ? x : b.ShortcutBn!.forward(b.ShortcutConv.forward(x));
            var y = F.relu(b.Bn1.forward(b.Conv1.forward(x)));
            y = F.relu(b.Bn2.forward(b.Conv2.forward(y)));
            y = b.Bn3.forward(b.Conv3.forward(y));
            x = F.relu(shortcut.add(y));
        }
        return _fc.forward(x.mean([2, 3])).MoveToOuterDisposeScope();
    }
}
