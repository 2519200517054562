// Transfer learning and fine-tuning as the Keras guide teaches them (keras.io/guides/transfer_learning), with a
// KerasNet application: MobileNetV2 (alpha 0.35, 32×32 inputs) as the base.
//   1. Pre-train the base on task A. (With ImageNet weights you would start from weights: "imagenet" instead; this
//      example makes its own so that it runs offline, in a few minutes on two CPU cores.)
//   2. Freeze the base (Trainable = false: its batch normalization then runs in inference mode, as in Keras), put a
//      new classifier on top and train it on the small task B.
//   3. Unfreeze the top blocks and fine-tune them with a low learning rate.
//   4. Feature extraction: a model from the base's input to an inner layer's output.
using KerasNet;
using KerasNet.Applications;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using static KerasNet.Keras;

RandomSeed.Set(42);
var data = ImageTasks.Load(trainA: 4000, trainB: 300, testB: 1000);
Console.WriteLine($"Data: {data.Source}; task A {data.XA.shape[0]} training images, task B {data.XB.shape[0]} training and {data.XBTest.shape[0]} test images.");

// MobileNetV2 expects pixels in [-1, 1]: preprocessing is part of the models below.
var baseModel = Applications.MobileNetV2(inputShape: [32, 32, 3], alpha: 0.35, includeTop: false, weights: null, pooling: "avg");
Console.WriteLine($"Base: {baseModel.Name}, {baseModel.Layers.Count} layers, {baseModel.CountParams():N0} parameters.");

Model Classifier(string name, bool frozenCall)
{
    var inputs = Input(shape: [32, 32, 3]);
    var x = new Rescaling(1.0 / 127.5, offset: -1.0).Apply(inputs); // MobileNetV2.PreprocessInput as a layer
    // As in the Keras guide, the base runs in inference mode (training: false) once it is part of a transfer model,
    // so that unfreezing it later does not let its batch normalization use batch statistics.
    x = frozenCall ? baseModel.ApplyMulti([x], new Dictionary<string, object?> { ["training"] = false })[0] : baseModel.Apply(x);
    x = new Dropout(0.2).Apply(x);
    var outputs = new Dense(5, activation: "softmax").Apply(x);
    return new Model(inputs, outputs, name: name);
}

double Accuracy(Model model) => model.Evaluate(data.XBTest, data.YBTest, batchSize: 256)["accuracy"];

// 1. Pre-training on task A.
var pretraining = Classifier("task_a", frozenCall: false);
pretraining.Compile(optimizer: new Adam(1e-3), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
pretraining.Fit(data.XA, data.YA, batchSize: 64, epochs: 2, verbose: 2);

// 2. Transfer: freeze the base, train a new head on task B.
baseModel.Trainable = false;
var transfer = Classifier("task_b", frozenCall: true);
transfer.Compile(optimizer: new Adam(1e-3), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
Console.WriteLine($"Trainable weights with the base frozen: {transfer.TrainableWeights.Count} (the new head's kernel and bias).");
double before = Accuracy(transfer);
Console.WriteLine($"Task B test accuracy before training the head: {before:0.000}");
transfer.Fit(data.XB, data.YB, batchSize: 32, epochs: 10, verbose: 0);
double afterHead = Accuracy(transfer);
Console.WriteLine($"Task B test accuracy after training the head on {data.XB.shape[0]} images: {afterHead:0.000}");

// 3. Fine-tuning: unfreeze the blocks from block_13 on, keep the rest frozen, and train with a low learning rate.
baseModel.Trainable = true;
int fineTuneAt = baseModel.Layers.Select(l => l.Name).ToList().IndexOf("block_13_expand");
foreach (var layer in baseModel.Layers.Take(fineTuneAt)) layer.Trainable = false;
transfer.Compile(optimizer: new Adam(1e-4), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
Console.WriteLine($"Fine-tuning {baseModel.Layers.Count - fineTuneAt} of the base's {baseModel.Layers.Count} layers; trainable weights: {transfer.TrainableWeights.Count}.");
transfer.Fit(data.XB, data.YB, batchSize: 32, epochs: 5, verbose: 0);
double afterFineTuning = Accuracy(transfer);
Console.WriteLine($"Task B test accuracy after fine-tuning: {afterFineTuning:0.000}");
Console.WriteLine($"Accuracy: {before:0.000} (new head, untrained) → {afterHead:0.000} (head trained) → {afterFineTuning:0.000} (fine-tuned)");

// 4. Feature extraction: the base's input to an inner layer's output.
var extractor = new Model(baseModel.Inputs[0], baseModel.GetLayer("block_6_expand_relu").Output, name: "features");
using var features = extractor.Predict(new Rescaling(1.0 / 127.5, offset: -1.0).Apply(data.XBTest[..4]));
Console.WriteLine($"Features of 4 images at block_6_expand_relu: shape ({string.Join(", ", features.shape)})");
return 0;
