using KerasNet.Callbacks;
using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Callbacks;

/// <summary>Fit and Evaluate write their progress to <see cref="ProgressOutput.Current"/> (a Cake log, a notebook display).</summary>
[NonParallelizable]
public class ProgressOutputTests
{
    private sealed class Recording(bool live) : ProgressOutput
    {
        public List<string> Events { get; } = [];
        public override bool IsLive => live;
        public override void Begin() => Events.Add("begin");
        public override void Redraw(string line) => Events.Add("redraw " + line);
        public override void WriteLine(string line) => Events.Add("line " + line);
    }

    private static (Tensor X, Tensor Y, Sequential Model) Setup()
    {
        var x = randn(64, 4);
        var y = (x.sum(1, keepdim: true) > 0).to(ScalarType.Float32);
        var model = new Sequential([new Dense(1, activation: "sigmoid", inputShape: [4])]);
        model.Compile(optimizer: "sgd", loss: "binary_crossentropy", metrics: ["accuracy"]);
        return (x, y, model);
    }

    private static List<string> Capture(bool live, Action<Sequential, Tensor, Tensor> run)
    {
        var (x, y, model) = Setup();
        var previous = ProgressOutput.Current;
        var recording = new Recording(live);
        ProgressOutput.Current = recording;
        try { run(model, x, y); }
        finally { ProgressOutput.Current = previous; }
        return recording.Events;
    }

    [Test]
    public void LiveOutputGetsRedrawsThenOneLastingLinePerEpoch()
    {
        var events = Capture(live: true, (m, x, y) => m.Fit(x, y, epochs: 2, batchSize: 16, verbose: 1));
        Assert.That(events[0], Is.EqualTo("begin"));
        Assert.That(events[1], Is.EqualTo("line Epoch 1/2"));
        Assert.That(events.Count(e => e.StartsWith("begin")), Is.EqualTo(1));
        Assert.That(events.Where(e => e.StartsWith("redraw ")), Is.Not.Empty, "the last step of each epoch at least is drawn live");
        var lasting = events.Where(e => e.StartsWith("line ")).ToList();
        Assert.That(lasting, Has.Count.EqualTo(4));
        Assert.That(lasting[1], Does.Match(@"^line 4/4 ━{20} \d+m?s \d+(ms|us|s)/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}$"));
        Assert.That(lasting[2], Is.EqualTo("line Epoch 2/2"));
    }

    [Test]
    public void LineOutputGetsEpochLinesOnlyAndEvaluatesResult()
    {
        var events = Capture(live: false, (m, x, y) =>
        {
            m.Fit(x, y, epochs: 2, batchSize: 16, verbose: 1);
            m.Evaluate(x, y, verbose: 1);
        });
        Assert.That(events.Where(e => e.StartsWith("redraw")), Is.Empty);
        Assert.That(events.Where(e => e.StartsWith("line ")).ToList(), Has.Count.EqualTo(5));
        Assert.That(events[^1], Does.Match(@"^line .*loss.*accuracy"));
    }

    [Test]
    public void VerboseZeroWritesNothing()
    {
        var events = Capture(live: true, (m, x, y) => m.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0));
        Assert.That(events, Is.Empty);
    }

    [Test]
    public void ToLinesHandsEachLastingLineOn()
    {
        var lines = new List<string>();
        var output = ProgressOutput.ToLines(lines.Add);
        var (x, y, model) = Setup();
        model.Fit(x, y, epochs: 1, batchSize: 16, verbose: 0, callbacks: [new ProgbarLogger(verbose: 1, output)]);
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[0], Is.EqualTo("Epoch 1/1"));
        Assert.That(lines[1], Does.StartWith("4/4 ━━━━━━━━━━━━━━━━━━━━"));
    }
}
