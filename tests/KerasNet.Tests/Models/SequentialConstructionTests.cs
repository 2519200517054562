using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

public class SequentialConstructionTests
{
    [Test]
    public void ConstructorWithLayersBuildsTheGraphOnce()
    {
        // Add() rebuilds the graph each time (as Keras does); the constructor adds all layers first, so a long
        // stack is built once: every layer is called exactly once.
        var layers = Enumerable.Range(0, 2000).Select(i => (Layer)new Dense(2, kernelInitializer: "identity", inputShape: i == 0 ? [2] : null)).ToList();
        using var model = new Sequential(layers);
        Assert.That(model.IsFunctional, Is.True);
        Assert.That(layers.All(l => l.InboundNodes.Count == 1), Is.True);
        Assert.That(model.Predict(tensor(new[] { 1f, 2f }).reshape(1, 2)).data<float>().ToArray(), Is.EqualTo(new[] { 1f, 2f }));
    }
}
