using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>bench_torch.py's CharLSTM: Embedding 64 → LSTM 256 (batch first) → Linear to the vocabulary, per step.</summary>
internal sealed class TorchCharLstm : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding emb;
    private readonly TorchSharp.Modules.LSTM lstm;
    private readonly TorchSharp.Modules.Linear fc;

    public TorchCharLstm(int vocabulary) : base(nameof(TorchCharLstm))
    {
        emb = Embedding(vocabulary, 64);
        lstm = LSTM(64, 256, batchFirst: true);
        fc = Linear(256, vocabulary);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (h, _, _) = lstm.forward(emb.forward(x));
        return fc.forward(h);
    }
}
