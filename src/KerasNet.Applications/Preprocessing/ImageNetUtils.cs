using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>
/// Keras's <c>imagenet_utils</c>: the input preprocessing modes the applications were trained with, and decoding
/// of ImageNet predictions.
/// </summary>
public static class ImageNetUtils
{
    private static readonly float[] CaffeMeanBgr = [103.939f, 116.779f, 123.68f];
    private static readonly float[] TorchMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] TorchStd = [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// Preprocesses a batch of images (Keras <c>imagenet_utils.preprocess_input</c>) with values in [0, 255], 3-D (one
    /// image) or 4-D, into a new float32 tensor. Modes: <c>"caffe"</c> flips RGB to BGR and subtracts the ImageNet
    /// channel means (103.939, 116.779, 123.68) without scaling; <c>"tf"</c> scales to [−1, 1] (x / 127.5 − 1);
    /// <c>"torch"</c> scales to [0, 1] and standardizes each channel with the ImageNet means (0.485, 0.456, 0.406)
    /// and standard deviations (0.229, 0.224, 0.225).
    /// </summary>
    /// <param name="x">The images; not modified.</param>
    /// <param name="mode"><c>"caffe"</c>, <c>"tf"</c> or <c>"torch"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (default) or <c>"channels_first"</c>.</param>
    public static Tensor PreprocessInput(Tensor x, string mode = "caffe", string dataFormat = "channels_last")
    {
        if (mode is not ("caffe" or "tf" or "torch"))
            throw new KerasNetException($"PreprocessInput: mode must be \"caffe\", \"tf\" or \"torch\"; got \"{mode}\".");
        if (dataFormat is not ("channels_last" or "channels_first"))
            throw new KerasNetException($"PreprocessInput: dataFormat must be \"channels_last\" or \"channels_first\"; got \"{dataFormat}\".");
        if (x.dim() is not (3 or 4))
            throw new KerasNetException($"PreprocessInput: expected one image (3-D) or a batch (4-D); got shape [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var y = x.to(ScalarType.Float32);
        if (mode == "tf") return y.div(127.5).sub_(1.0).MoveToOuterDisposeScope();
        long channelAxis = dataFormat == "channels_last" ? x.dim() - 1 : x.dim() - 3;
        if (x.shape[channelAxis] != 3)
            throw new KerasNetException($"PreprocessInput: mode \"{mode}\" needs 3 color channels on axis {channelAxis} ({dataFormat}); got shape [{string.Join(", ", x.shape)}].");
        var broadcast = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
        broadcast[channelAxis] = 3;
        if (mode == "torch")
            return y.div(255.0).sub_(tensor(TorchMean).reshape(broadcast)).div_(tensor(TorchStd).reshape(broadcast)).MoveToOuterDisposeScope();
        return y.flip(channelAxis).sub_(tensor(CaffeMeanBgr).reshape(broadcast)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The <paramref name="top"/> most probable classes of each prediction (Keras <c>decode_predictions</c>), most
    /// probable first, named from <paramref name="classIndex"/>.
    /// </summary>
    /// <param name="predictions">Scores of shape (samples, classes), e.g. an ImageNet classifier's (samples, 1000).</param>
    /// <param name="classIndex">The class names; its size must equal the number of scores per sample.</param>
    /// <param name="top">How many classes to return per sample.</param>
    public static IReadOnlyList<IReadOnlyList<(string ClassId, string Description, float Score)>> DecodePredictions(
        Tensor predictions, ImageNetClassIndex classIndex, int top = 5)
    {
        if (predictions.dim() != 2 || predictions.shape[1] != classIndex.Count)
            throw new KerasNetException($"DecodePredictions expects a batch of predictions of shape (samples, {classIndex.Count}); got shape [{string.Join(", ", predictions.shape)}].");
        if (top < 1 || top > classIndex.Count)
            throw new KerasNetException($"DecodePredictions: top must be between 1 and {classIndex.Count}; got {top}.");
        using var scope = NewDisposeScope();
        var (scores, indices) = predictions.detach().to(ScalarType.Float32).cpu().topk(top, dim: 1, largest: true, sorted: true);
        var s = scores.contiguous().data<float>().ToArray();
        var idx = indices.contiguous().data<long>().ToArray();
        return Enumerable.Range(0, (int)predictions.shape[0])
            .Select(row => (IReadOnlyList<(string, string, float)>)Enumerable.Range(0, top).Select(k =>
            {
                int i = (int)idx[row * top + k];
                return (classIndex[i].Id, classIndex[i].Description, s[row * top + k]);
            }).ToList())
            .ToList();
    }
}
