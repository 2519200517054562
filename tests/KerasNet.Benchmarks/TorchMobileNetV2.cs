using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Benchmarks;

/// <summary>
/// Keras's MobileNetV2 (alpha 1, 224×224: TensorFlow's asymmetric padding before the strided convolutions, ReLU6,
/// batch normalization ε 1e-3) in TorchSharp, channels-first, with logits out.
/// </summary>
internal sealed class TorchMobileNetV2 : KerasTwin
{
    private sealed record Block(Conv2d? Expand, BatchNorm2d? ExpandBn, Conv2d Depthwise, BatchNorm2d DepthwiseBn, Conv2d Project, BatchNorm2d ProjectBn,
        long Stride, bool Residual);

    private const double Epsilon = 1e-3;
    private readonly Conv2d _stem;
    private readonly BatchNorm2d _stemBn;
    private readonly List<Block> _blocks = [];
    private readonly Conv2d _last;
    private readonly BatchNorm2d _lastBn;
    private readonly Linear _fc;

    public TorchMobileNetV2() : base(nameof(TorchMobileNetV2))
    {
        _stem = Conv("Conv1", 3, 32, 3, stride: 2, bias: false);
        _stemBn = BatchNorm("bn_Conv1", 32, Epsilon);
        (long Filters, long Stride, long Expansion)[] specs =
        [
            (16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6), (64, 1, 6), (64, 1, 6),
            (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6), (320, 1, 6),
        ];
        long channels = 32;
        for (int id = 0; id < specs.Length; id++)
        {
            var (filters, stride, expansion) = specs[id];
            string p = id == 0 ? "expanded_conv_" : $"block_{id}_";
            long expanded = channels * expansion;
            _blocks.Add(new Block(
                id == 0 ? null : Conv($"{p}expand", channels, expanded, 1, bias: false),
                id == 0 ? null : BatchNorm($"{p}expand_BN", expanded, Epsilon),
                Conv($"{p}depthwise", expanded, expanded, 3, stride, padding: stride == 1 ? 1 : 0, bias: false, groups: expanded),
                BatchNorm($"{p}depthwise_BN", expanded, Epsilon),
                Conv($"{p}project", expanded, filters, 1, bias: false), BatchNorm($"{p}project_BN", filters, Epsilon),
                stride, channels == filters && stride == 1));
            channels = filters;
        }
        _last = Conv("Conv_1", 320, 1280, 1, bias: false);
        _lastBn = BatchNorm("Conv_1_bn", 1280, Epsilon);
        _fc = Dense("predictions", 1280, 1000);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        // TensorFlow's "same" padding of a stride-2 3×3 convolution on an even size: one row and column after.
        x = F.relu6(_stemBn.forward(_stem.forward(F.pad(x, [0, 1, 0, 1]))));
        foreach (var b in _blocks)
        {
            var y = b.Expand is null ? x : F.relu6(b.ExpandBn!.forward(b.Expand.forward(x)));
            if (b.Stride == 2) y = F.pad(y, [0, 1, 0, 1]);
            y = F.relu6(b.DepthwiseBn.forward(b.Depthwise.forward(y)));
            y = b.ProjectBn.forward(b.Project.forward(y));
            x = b.Residual ? x.add(y) : y;
        }
        x = F.relu6(_lastBn.forward(_last.forward(x)));
        return _fc.forward(x.mean([2, 3])).MoveToOuterDisposeScope();
    }
}
