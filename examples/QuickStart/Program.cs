// QuickStart: a Keras MLP classifier in C#.
// Trains on Fashion-MNIST when it is installed (apt-get install dataset-fashion-mnist, or the IDX files in
// ~/.keras/datasets/fashion-mnist), otherwise on the 8x8 handwritten digits that ship inside KerasNet.
using KerasNet;
using KerasNet.Datasets;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using static TorchSharp.torch;

RandomSeed.Set(42);

Tensor xTrain, yTrain, xTest, yTest;
string dataset;
int epochs;
try
{
    var (train, test) = FashionMnist.LoadData();
    (xTrain, yTrain, xTest, yTest) = (train.XTensor(flatten: true), train.YTensor(), test.XTensor(flatten: true), test.YTensor());
    (dataset, epochs) = ("Fashion-MNIST", 2);
}
catch (KerasNetException e)
{
    Console.WriteLine($"Fashion-MNIST not found ({e.Message.Split('\n')[0]}); using the bundled 8x8 digits instead.");
    var (train, test) = Digits.LoadData();
    (xTrain, yTrain, xTest, yTest) = (train.XTensor(flatten: true), train.YTensor(), test.XTensor(flatten: true), test.YTensor());
    (dataset, epochs) = ("digits (8x8)", 30);
}
Console.WriteLine($"{dataset}: {xTrain.shape[0]} training and {xTest.shape[0]} test samples of {xTrain.shape[1]} features");

var model = new Sequential([
    new Dense(512, activation: "relu", inputShape: [xTrain.shape[1]]),
    new Dropout(0.2),
    new Dense(256, activation: "relu"),
    new Dense(10, activation: "softmax"),
]);
model.Summary();

model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
var history = model.Fit(xTrain, yTrain, batchSize: 128, epochs: epochs, validationSplit: 0.1);

var scores = model.Evaluate(xTest, yTest, verbose: 0);
Console.WriteLine($"Test loss: {scores["loss"]:0.0000}  test accuracy: {scores["accuracy"]:0.0000}");

var probabilities = model.Predict(xTest.narrow(0, 0, 5));
Console.WriteLine($"First predictions: {string.Join(", ", probabilities.argmax(1).data<long>().ToArray())}" +
                  $" (true: {string.Join(", ", yTest.narrow(0, 0, 5).data<long>().ToArray())})");
