using System.Text.Json.Nodes;
using KerasNet.Layers;
using NUnit.Framework;
using PureHDF;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>
/// Extra Conv1D coverage from the DL4J test resources (models saved by Keras 2.3.1 with recorded
/// predictions): kernel 2–4, strides 1–3, dilation 1–2, channels_last/first, valid/same/causal. Each case's
/// layer is built from its Keras config, loaded with the saved weights and run on the saved inputs.
/// </summary>
public class Conv1DDl4jConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dl4j-test-resources",
        "src", "main", "resources", "modelimport", "keras", "examples");

    private static IEnumerable<string> Cases() =>
        new[] { "conv1d", "causal_conv1d" }.SelectMany(dir => Directory.GetFiles(Path.Combine(Root, dir), "*_config.json"))
            .Select(f => Path.GetRelativePath(Root, f)[..^"_config.json".Length]).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Cases))]
    public void MatchesKeras(string name)
    {
        var config = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, name + "_config.json")))!["config"]!["layers"]![0]!["config"]!;
        using var layer = new Conv1D(config["filters"]!.GetValue<int>(), KerasJsLayerFixtures.Tuple(config["kernel_size"]),
            KerasJsLayerFixtures.Tuple(config["strides"]), (string)config["padding"]!, (string)config["data_format"]!,
            KerasJsLayerFixtures.Tuple(config["dilation_rate"]), activation: (string)config["activation"]!, useBias: (bool)config["use_bias"]!);

        using var weightsFile = H5File.OpenRead(Path.Combine(Root, name + "_weights.h5"));
        var group = weightsFile.Group((string)config["name"]!);
        var weights = group.Attribute("weight_names").Read<string[]>().Select(w => ReadTensor(group.Dataset(w))).ToList();

        using var io = H5File.OpenRead(Path.Combine(Root, name + "_inputs_and_outputs.h5"));
        var input = ReadTensor(io.Group("inputs").Children().OfType<IH5Dataset>().Single());
        var expected = ReadTensor(io.Group("predictions").Children().OfType<IH5Dataset>().Single());

        layer.EnsureBuilt(Shape.Of(input.shape));
        layer.SetWeights(weights);
        KerasJsLayerFixtures.AssertMatches(layer.Apply(input), expected, name);
    }

    [Test]
    public void AllSixtyCasesAreRun() => Assert.That(Cases().Count(), Is.EqualTo(60));

    private static Tensor ReadTensor(IH5Dataset dataset)
    {
        var dims = dataset.Space.Dimensions.Select(d => (long)d).ToArray();
        return dataset.Type.Class == H5DataTypeClass.FloatingPoint && dataset.Type.Size == 8
            ? tensor(dataset.Read<double[]>(), dims).to(ScalarType.Float32)
            : tensor(dataset.Read<float[]>(), dims);
    }
}
