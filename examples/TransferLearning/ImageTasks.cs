using KerasNet.Datasets;
using static TorchSharp.torch;

/// <summary>
/// The two image classification tasks of the example, 32×32 RGB with pixels in [0, 255]: task A (classes 0–4) to
/// pre-train the base on, task B (classes 5–9, few training images) to transfer to. From Fashion-MNIST, upscaled and
/// repeated over three channels, when it is installed; otherwise from ten kinds of generated pictures.
/// </summary>
internal sealed record ImageTasks(string Source, Tensor XA, Tensor YA, Tensor XB, Tensor YB, Tensor XBTest, Tensor YBTest)
{
    public static ImageTasks Load(int trainA, int trainB, int testB)
    {
        if (FashionMnist.IsAvailable())
        {
            var (train, test) = FashionMnist.LoadData();
            var (xA, yA) = Select(train.XTensor(normalize: false), train.YTensor(), c => c < 5, trainA);
            var (xB, yB) = Select(train.XTensor(normalize: false), train.YTensor(), c => c >= 5, trainB);
            var (xBt, yBt) = Select(test.XTensor(normalize: false), test.YTensor(), c => c >= 5, testB);
            return new("Fashion-MNIST (upscaled to 32×32 RGB)", Rgb32(xA), yA, Rgb32(xB), yB.sub(5), Rgb32(xBt), yBt.sub(5));
        }
        var (ga, gya) = Generated(trainA, firstClass: 0, seed: 1);
        var (gb, gyb) = Generated(trainB, firstClass: 5, seed: 2);
        var (gbt, gybt) = Generated(testB, firstClass: 5, seed: 3);
        return new("generated pictures (10 kinds of stripes, blocks and rings)", ga, gya, gb, gyb, gbt, gybt);
    }

    private static (Tensor X, Tensor Y) Select(Tensor x, Tensor y, Func<long, bool> keep, int count)
    {
        var labels = y.data<long>().ToArray();
        var index = tensor(Enumerable.Range(0, labels.Length).Where(i => keep(labels[i])).Take(count).Select(i => (long)i).ToArray());
        return (x.index_select(0, index), y.index_select(0, index));
    }

    /// <summary>(N, 28, 28) grey pixels to (N, 32, 32, 3): bilinear upscaling, the grey value on every channel.</summary>
    private static Tensor Rgb32(Tensor grey) =>
        nn.functional.interpolate(grey.unsqueeze(1), size: [32, 32], mode: InterpolationMode.Bilinear, align_corners: false)
            .permute(0, 2, 3, 1).expand(-1, -1, -1, 3).contiguous();

    /// <summary>
    /// <paramref name="count"/> noisy 32×32 pictures of five kinds (labels 0–4), a random colour each: horizontal or
    /// vertical stripes of a period that depends on <paramref name="firstClass"/>, a filled square, a ring, a diagonal.
    /// </summary>
    private static (Tensor X, Tensor Y) Generated(int count, int firstClass, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[count, 32, 32, 3];
        var labels = new long[count];
        for (int n = 0; n < count; n++)
        {
            int kind = random.Next(5);
            labels[n] = kind;
            int period = 4 + firstClass / 5 * 3, dx = random.Next(8), dy = random.Next(8);
            var colour = new[] { 80 + random.Next(176), 80 + random.Next(176), 80 + random.Next(176) };
            for (int i = 0; i < 32; i++)
                for (int j = 0; j < 32; j++)
                {
                    double r = Math.Sqrt((i - 16 - dy / 2.0) * (i - 16 - dy / 2.0) + (j - 16 - dx / 2.0) * (j - 16 - dx / 2.0));
                    bool on = kind switch
                    {
                        0 => (i + dy) / (period / 2) % 2 == 0,
                        1 => (j + dx) / (period / 2) % 2 == 0,
                        2 => i >= 6 + dy && i < 18 + dy && j >= 6 + dx && j < 18 + dx,
                        3 => r > 5 + firstClass / 5 * 2 && r < 9 + firstClass / 5 * 2,
                        _ => Math.Abs(i - j - dx + dy) < 3,
                    };
                    for (int c = 0; c < 3; c++) pixels[n, i, j, c] = (float)Math.Clamp((on ? colour[c] : 30) + random.NextDouble() * 60 - 30, 0, 255);
                }
        }
        return (tensor(pixels), tensor(labels));
    }
}
