using KerasNet.Optimizers;
using NUnit.Framework;

namespace KerasNet.Tests.Optimizers;

/// <summary><c>keras.optimizers.get</c>: lower-case names and class names, unknown names listed.</summary>
public sealed class RegistryTests
{
    [TestCase("sgd", typeof(SGD))]
    [TestCase("SGD", typeof(SGD))]
    [TestCase("adam", typeof(Adam))]
    [TestCase("Adam", typeof(Adam))]
    [TestCase("adamw", typeof(AdamW))]
    [TestCase("AdamW", typeof(AdamW))]
    [TestCase("rmsprop", typeof(RMSprop))]
    [TestCase("RMSprop", typeof(RMSprop))]
    [TestCase("adagrad", typeof(Adagrad))]
    [TestCase("Adagrad", typeof(Adagrad))]
    [TestCase("adadelta", typeof(Adadelta))]
    [TestCase("Adadelta", typeof(Adadelta))]
    [TestCase("adamax", typeof(Adamax))]
    [TestCase("Adamax", typeof(Adamax))]
    [TestCase("nadam", typeof(Nadam))]
    [TestCase("Nadam", typeof(Nadam))]
    [TestCase("lion", typeof(Lion))]
    [TestCase("Lion", typeof(Lion))]
    public void NamesResolveToTheKerasClass(string name, Type type)
    {
        using var opt = KerasNet.Optimizers.Optimizers.Get(name);
        Assert.That(opt, Is.InstanceOf(type));
        Assert.That(opt.GetType(), Is.EqualTo(type));
        Assert.That(opt.ClassName, Is.EqualTo(type.Name));
    }

    [Test]
    public void StringsConvertImplicitly()
    {
        using Optimizer opt = "rmsprop";
        Assert.That(opt, Is.InstanceOf<RMSprop>());
        Assert.That(opt.LearningRate, Is.EqualTo(0.001));
    }

    [Test]
    public void UnknownNameListsTheValidNames()
    {
        var e = Assert.Throws<KerasNetException>(() => KerasNet.Optimizers.Optimizers.Get("adamm"));
        Assert.That(e!.Message, Does.Contain("'adamm'"));
        foreach (var name in new[] { "adadelta", "adagrad", "adam", "adamax", "adamw", "lion", "nadam", "rmsprop", "sgd" })
            Assert.That(e.Message, Does.Contain(name));
    }
}
