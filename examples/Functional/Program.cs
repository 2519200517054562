// A Functional model with two inputs and two outputs, trained on data it generates:
//   features (16 numbers) + metadata (one of 4 "sources", one-hot)  →  a class (3 kinds) and a value (regression).
// The hidden features and an embedding of the metadata are concatenated, and each output has its own loss,
// loss weight and metrics; History and Evaluate report them per output name.
using KerasNet.Layers;
using KerasNet.Trainers;
using KerasNet.Models;
using KerasNet.Utils;
using static KerasNet.Keras;
using static TorchSharp.torch;

RandomSeed.Set(42);

// ---- data: the class is the largest of three feature scores, shifted by a per-source offset; the value is a
// linear function of the features plus a per-source bias and noise.
const int samples = 3000;
var features = randn(samples, 16);
var source = randint(0, 4, [samples]);
var metadata = nn.functional.one_hot(source, 4).to(ScalarType.Float32);
var sourceShift = tensor(new float[,] { { 1.5f, 0, 0 }, { 0, 1.5f, 0 }, { 0, 0, 1.5f }, { 0, 0, 0 } });
var classes = (features.narrow(1, 0, 3) + sourceShift.index_select(0, source)).argmax(1);
var labels = nn.functional.one_hot(classes, 3).to(ScalarType.Float32);
var weights = linspace(-1, 1, 16).reshape(16, 1);
var sourceBias = tensor(new[] { -2f, 0f, 1f, 3f }).reshape(4, 1);
var values = features.matmul(weights) + metadata.matmul(sourceBias) + 0.1f * randn(samples, 1);

const int train = 2400;
ModelData Inputs(long start, long count) => new Dictionary<string, Tensor>
{
    ["features"] = features.narrow(0, start, count),
    ["metadata"] = metadata.narrow(0, start, count),
};
ModelData Targets(long start, long count) => new Dictionary<string, Tensor>
{
    ["class_out"] = labels.narrow(0, start, count),
    ["value_out"] = values.narrow(0, start, count),
};

// ---- model
var featureInput = Input(shape: [16], name: "features");
var metadataInput = Input(shape: [4], name: "metadata");
var hidden = new Dense(32, activation: "relu", name: "hidden").Apply(featureInput);
var sourceEmbedding = new Dense(8, name: "source_embedding").Apply(metadataInput);
var merged = new Concatenate(name: "merge").Apply([hidden, sourceEmbedding]);
var joint = new Dense(32, activation: "relu", name: "joint").Apply(merged);
var classOut = new Dense(3, activation: "softmax", name: "class_out").Apply(joint);
var valueOut = new Dense(1, name: "value_out").Apply(joint);
var model = new Model([featureInput, metadataInput], [classOut, valueOut], name: "two_heads");
model.Summary();

model.Compile(optimizer: "adam",
    loss: new Dictionary<string, string> { ["class_out"] = "categorical_crossentropy", ["value_out"] = "mse" },
    lossWeights: new Dictionary<string, double> { ["class_out"] = 1.0, ["value_out"] = 0.5 },
    metrics: new Dictionary<string, MetricRef[]> { ["class_out"] = ["accuracy"], ["value_out"] = ["mae"] });

var history = model.Fit(Inputs(0, train), Targets(0, train), epochs: 15, batchSize: 64, validationSplit: 0.2, verbose: 2);

Console.WriteLine();
Console.WriteLine($"History keys: {string.Join(", ", history.Values.Keys)}");
var test = model.Evaluate(Inputs(train, samples - train), Targets(train, samples - train));
Console.WriteLine("Test set:");
foreach (var (name, value) in test) Console.WriteLine($"  {name,-22} {value:0.0000}");

var predictions = model.PredictOutputs(Inputs(train, 5));
Console.WriteLine("First test samples (predicted vs true):");
for (int i = 0; i < 5; i++)
    Console.WriteLine($"  class {predictions[0][i].argmax().item<long>()} vs {classes[train + i].item<long>()}, " +
                      $"value {predictions[1][i, 0].item<float>(),7:0.00} vs {values[train + i, 0].item<float>(),7:0.00}");
