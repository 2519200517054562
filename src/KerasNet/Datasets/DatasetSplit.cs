using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Datasets;

/// <summary>
/// One part (train or test) of an image dataset, as Keras's <c>load_data</c> returns it: images
/// <see cref="X"/> shaped (N, height, width) and class labels <see cref="Y"/> shaped (N).
/// Deconstructs like Keras's tuples: <c>var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();</c>
/// </summary>
/// <typeparam name="T">The pixel type: <see cref="byte"/> for MNIST-style data, <see cref="float"/> for digits.</typeparam>
public sealed class DatasetSplit<T> where T : unmanaged
{
    /// <summary>Creates a split, checking that images and labels agree.</summary>
    /// <param name="x">Images, (N, height, width).</param>
    /// <param name="y">Labels, (N), each below <paramref name="numClasses"/>.</param>
    /// <param name="maxValue">The largest pixel value the data can hold (255 for MNIST); <see cref="XTensor"/> divides by it.</param>
    /// <param name="numClasses">How many classes the labels index.</param>
    public DatasetSplit(T[,,] x, byte[] y, float maxValue, int numClasses)
    {
        if (x.GetLength(0) != y.Length)
            throw new KerasNetException($"DatasetSplit: x holds {x.GetLength(0)} images but y holds {y.Length} labels; expected equal counts.");
        if (!(maxValue > 0))
            throw new KerasNetException($"DatasetSplit: maxValue must be > 0, got {maxValue}.");
        if (numClasses < 1 || numClasses > 256)
            throw new KerasNetException($"DatasetSplit: numClasses must be in 1..256, got {numClasses}.");
        var bad = Array.FindIndex(y, label => label >= numClasses);
        if (bad >= 0)
            throw new KerasNetException($"DatasetSplit: label y[{bad}] = {y[bad]}; expected a class index in 0..{numClasses - 1}.");
        X = x;
        Y = y;
        MaxValue = maxValue;
        NumClasses = numClasses;
    }

    /// <summary>The images, (N, height, width).</summary>
    public T[,,] X { get; }

    /// <summary>The class labels, (N).</summary>
    public byte[] Y { get; }

    /// <summary>The largest value a pixel can take (255 for MNIST-style data, 16 for digits).</summary>
    public float MaxValue { get; }

    /// <summary>The number of classes (10 for every bundled dataset).</summary>
    public int NumClasses { get; }

    /// <summary>The number of examples N.</summary>
    public int Count => Y.Length;

    /// <summary>Deconstructs into <c>(x, y)</c>, like Keras's <c>(x_train, y_train)</c>.</summary>
    public void Deconstruct(out T[,,] x, out byte[] y)
    {
        x = X;
        y = Y;
    }

    /// <summary>
    /// The images as a new float32 tensor on <see cref="Engine.Device"/>: (N, height, width), or
    /// (N, height·width) when <paramref name="flatten"/>; divided by <see cref="MaxValue"/> when
    /// <paramref name="normalize"/> (so in 0..1). For Conv2D's channels-last input add the channel axis
    /// with <c>.unsqueeze(-1)</c>.
    /// </summary>
    public Tensor XTensor(bool normalize = true, bool flatten = false)
    {
        using var scope = NewDisposeScope();
        using var raw = from_array(X);
        var x = raw.to(ScalarType.Float32, Engine.Device, copy: true);
        if (normalize) x.div_(MaxValue);
        if (flatten) x = x.reshape(Count, X.GetLength(1) * X.GetLength(2));
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>The labels as a new int64 tensor (N) of class indices on <see cref="Engine.Device"/>.</summary>
    public Tensor YTensor()
    {
        using var raw = from_array(Y);
        return raw.to(ScalarType.Int64, Engine.Device, copy: true);
    }

    /// <summary>The labels one-hot encoded: a new float32 tensor (N, <see cref="NumClasses"/>) on <see cref="Engine.Device"/>.</summary>
    public Tensor YOneHot()
    {
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(YTensor(), NumClasses).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
