using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;

namespace KerasNet.Applications.Tests;

/// <summary>
/// Layer names and <c>model.layers</c> order against Keras's, as Keras's <c>model.summary()</c> prints them, in a fresh
/// session (<see cref="Keras.ClearSession"/>) so that automatic names (<c>conv2d_1</c>, <c>re_lu_2</c>…) count from
/// zero as they do in a new Python process. Small inputs keep the builds cheap; names do not depend on the size.
/// </summary>
public sealed class LayerNameTests
{
    [SetUp]
    public void FreshSession() => Keras.ClearSession();

    private static string[] Names(Model model) => model.Layers.Select(l => l.Name).ToArray();

    [Test]
    public void Vgg16HasKerasLayersInOrder()
    {
        using var model = Applications.VGG16(weights: null, includeTop: false, inputShape: [32, 32, 3], pooling: "max");
        Assert.That(Names(model), Is.EqualTo(new[]
        {
            "input_layer", "block1_conv1", "block1_conv2", "block1_pool", "block2_conv1", "block2_conv2", "block2_pool",
            "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool", "block4_conv1", "block4_conv2", "block4_conv3", "block4_pool",
            "block5_conv1", "block5_conv2", "block5_conv3", "block5_pool", "global_max_pooling2d",
        }));
    }

    [Test]
    public void ResNet50OrdersBranchesLikeKeras()
    {
        // Keras lists the shortcut convolution after the main branch's second ReLU (layers sorted by depth).
        using var model = Applications.ResNet50(weights: null, includeTop: false, inputShape: [32, 32, 3], pooling: "avg");
        var names = Names(model);
        Assert.That(names.Take(22), Is.EqualTo(new[]
        {
            "input_layer", "conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool",
            "conv2_block1_1_conv", "conv2_block1_1_bn", "conv2_block1_1_relu", "conv2_block1_2_conv", "conv2_block1_2_bn", "conv2_block1_2_relu",
            "conv2_block1_0_conv", "conv2_block1_3_conv", "conv2_block1_0_bn", "conv2_block1_3_bn", "conv2_block1_add", "conv2_block1_out",
            "conv2_block2_1_conv", "conv2_block2_1_bn", "conv2_block2_1_relu",
        }));
        Assert.That(names.TakeLast(3), Is.EqualTo(new[] { "conv5_block3_add", "conv5_block3_out", "avg_pool" }));
        Assert.That(names, Has.Length.EqualTo(176));
    }

    [Test]
    public void MobileNetV2NamesAndCorrectPadding()
    {
        // Shapes from Keras's summary of MobileNetV2 at 160×160: block_1_pad pads 80 to 81 (right and bottom only), the
        // strided depthwise convolution then gives 40.
        using var model = Applications.MobileNetV2(inputShape: [160, 160, 3], weights: null, includeTop: false);
        var names = Names(model);
        Assert.That(names.Skip(1).Take(17), Is.EqualTo(new[]
        {
            "Conv1", "bn_Conv1", "Conv1_relu", "expanded_conv_depthwise", "expanded_conv_depthwise_BN", "expanded_conv_depthwise_relu",
            "expanded_conv_project", "expanded_conv_project_BN", "block_1_expand", "block_1_expand_BN", "block_1_expand_relu",
            "block_1_pad", "block_1_depthwise", "block_1_depthwise_BN", "block_1_depthwise_relu", "block_1_project", "block_1_project_BN",
        }));
        Assert.That(model.GetLayer("block_1_pad").Output.Shape, Is.EqualTo(new Shape([null, 81, 81, 96])));
        Assert.That(model.GetLayer("block_1_depthwise").Output.Shape, Is.EqualTo(new Shape([null, 40, 40, 96])));
        Assert.That(names.TakeLast(3), Is.EqualTo(new[] { "Conv_1", "Conv_1_bn", "out_relu" }));
        Assert.That(model.Name, Is.EqualTo("mobilenetv2_1.00_160"));
    }

    [Test]
    public void InceptionV3UsesKerasAutomaticNames()
    {
        using var model = Applications.InceptionV3(weights: null, includeTop: false, inputShape: [75, 75, 3]);
        var names = Names(model);
        Assert.That(names.Take(7), Is.EqualTo(new[] { "input_layer", "conv2d", "batch_normalization", "activation", "conv2d_1", "batch_normalization_1", "activation_1" }));
        var convs = model.Layers.OfType<Conv2D>().Select(l => l.Name).ToList();
        Assert.That(convs, Has.Count.EqualTo(94));
        Assert.That(convs, Does.Contain("conv2d_93"));
        Assert.That(model.Layers.OfType<BatchNormalization>().All(b => !b.Scale), "conv2d_bn's batch normalization has no γ");
        Assert.That(names, Is.SupersetOf(new[] { "mixed0", "mixed1", "mixed2", "mixed3", "mixed4", "mixed5", "mixed6", "mixed7", "mixed8", "mixed9_0", "mixed9", "mixed9_1", "mixed10", "concatenate", "concatenate_1" }));
        Assert.That(names[^1], Is.EqualTo("mixed10"));
    }

    [Test]
    public void XceptionShortcutsHaveAutomaticNames()
    {
        using var model = Applications.Xception(weights: null, includeTop: false, inputShape: [71, 71, 3]);
        var names = Names(model);
        Assert.That(model.Layers.OfType<Conv2D>().Select(l => l.Name), Is.EqualTo(new[] { "block1_conv1", "block1_conv2", "conv2d", "conv2d_1", "conv2d_2", "conv2d_3" }));
        Assert.That(model.Layers.OfType<Add>().Select(l => l.Name), Is.EquivalentTo(new[] { "add" }.Concat(Enumerable.Range(1, 11).Select(i => $"add_{i}"))));
        Assert.That(names, Does.Contain("block2_sepconv2_act").And.Not.Contain("block2_sepconv1_act"));
        Assert.That(names[^1], Is.EqualTo("block14_sepconv2_act"));
    }

    [Test]
    public void DenseNet121Names()
    {
        using var model = Applications.DenseNet121(weights: null, includeTop: false, inputShape: [32, 32, 3]);
        var names = Names(model);
        Assert.That(names.Take(14), Is.EqualTo(new[]
        {
            "input_layer", "zero_padding2d", "conv1_conv", "conv1_bn", "conv1_relu", "zero_padding2d_1", "pool1",
            "conv2_block1_0_bn", "conv2_block1_0_relu", "conv2_block1_1_conv", "conv2_block1_1_bn", "conv2_block1_1_relu", "conv2_block1_2_conv", "conv2_block1_concat",
        }));
        Assert.That(names, Is.SupersetOf(new[] { "pool2_bn", "pool2_relu", "pool2_conv", "pool2_pool", "pool4_pool", "conv5_block16_concat" }));
        Assert.That(names.TakeLast(2), Is.EqualTo(new[] { "bn", "relu" }));
    }

    [Test]
    public void EfficientNetB0Names()
    {
        using var model = Applications.EfficientNetB0(weights: null, includeTop: false, inputShape: [32, 32, 3], pooling: "avg");
        var names = Names(model);
        Assert.That(names.Take(19), Is.EqualTo(new[]
        {
            "input_layer", "rescaling", "normalization", "stem_conv_pad", "stem_conv", "stem_bn", "stem_activation",
            "block1a_dwconv", "block1a_bn", "block1a_activation", "block1a_se_squeeze", "block1a_se_reshape", "block1a_se_reduce",
            "block1a_se_expand", "block1a_se_excite", "block1a_project_conv", "block1a_project_bn", "block2a_expand_conv", "block2a_expand_bn",
        }));
        Assert.That(names, Is.SupersetOf(new[] { "block2b_drop", "block2b_add", "block6d_add", "block7a_project_bn" }));
        Assert.That(names, Does.Not.Contain("block2a_drop"), "a block that changes size has no skip");
        Assert.That(names.TakeLast(4), Is.EqualTo(new[] { "top_conv", "top_bn", "top_activation", "avg_pool" }));
    }

    [Test]
    public void MobileNetV3SmallNames()
    {
        using var model = Applications.MobileNetV3Small(weights: null, inputShape: [32, 32, 3]);
        var names = Names(model);
        Assert.That(names.Take(13), Is.EqualTo(new[]
        {
            "input_layer", "rescaling", "conv", "conv_bn", "activation", "expanded_conv_depthwise_pad", "expanded_conv_depthwise",
            "expanded_conv_depthwise_bn", "re_lu", "expanded_conv_squeeze_excite_avg_pool", "expanded_conv_squeeze_excite_conv",
            "expanded_conv_squeeze_excite_relu", "expanded_conv_squeeze_excite_conv_1",
        }));
        Assert.That(names, Is.SupersetOf(new[] { "expanded_conv_squeeze_excite_mul", "expanded_conv_1_expand", "expanded_conv_2_add", "expanded_conv_10_project_bn" }));
        Assert.That(names.TakeLast(3), Is.EqualTo(new[] { "logits", "flatten", "predictions" }));
        Assert.That(model.Layers.Where(l => l.Weights.Count > 0).Select(l => l.Name).TakeLast(4), Is.EqualTo(new[] { "conv_1", "conv_1_bn", "conv_2", "logits" }));
    }

    [Test]
    public void ConvNeXtTinyNestsItsStemAndDownsamplingAsSequentials()
    {
        using var model = Applications.ConvNeXtTiny(weights: null, includeTop: false, inputShape: [32, 32, 3]);
        var names = Names(model);
        Assert.That(names.Take(10), Is.EqualTo(new[]
        {
            "input_layer", "convnext_tiny_prestem_normalization", "convnext_tiny_stem", "convnext_tiny_stage_0_block_0_depthwise_conv",
            "convnext_tiny_stage_0_block_0_layernorm", "convnext_tiny_stage_0_block_0_pointwise_conv_1", "convnext_tiny_stage_0_block_0_gelu",
            "convnext_tiny_stage_0_block_0_pointwise_conv_2", "convnext_tiny_stage_0_block_0_layer_scale", "convnext_tiny_stage_0_block_0_identity",
        }));
        var stem = (Sequential)model.GetLayer("convnext_tiny_stem");
        Assert.That(stem.Layers.Select(l => l.Name), Is.EqualTo(new[] { "convnext_tiny_stem_conv", "convnext_tiny_stem_layernorm" }));
        Assert.That(((Sequential)model.GetLayer("convnext_tiny_downsampling_block_2")).Layers.Select(l => l.Name),
            Is.EqualTo(new[] { "convnext_tiny_downsampling_layernorm_2", "convnext_tiny_downsampling_conv_2" }));
        Assert.That(names, Does.Contain("convnext_tiny_stage_2_block_8_layer_scale"));
        Assert.That(names[^1], Is.EqualTo("layer_normalization"), "without the top Keras ends with an unnamed layer normalization");
    }
}
