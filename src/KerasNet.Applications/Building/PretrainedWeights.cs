using System.Security.Cryptography;
using KerasNet.Activations;
using KerasNet.Models;

namespace KerasNet.Applications.Building;

/// <summary>
/// An official Keras weights file: its name in the Keras cache, where Keras downloads it from, and the hash Keras checks
/// it against when it has one (64 hex digits: SHA-256, else MD5, as Keras's <c>get_file</c> decides).
/// </summary>
internal sealed record WeightsFile(string FileName, string Url, string? Hash = null);

/// <summary>
/// The <c>weights</c> argument of the applications: <c>null</c> (random initialization), a path to a Keras weights
/// <c>.h5</c> file, or <c>"imagenet"</c> — the official file, read from the Keras cache folder
/// (<c>$KERAS_HOME/models</c>, else <c>~/.keras/models</c>, where Python Keras keeps its downloads). KerasNet never
/// downloads anything.
/// </summary>
internal static class PretrainedWeights
{
    /// <summary>The <c>weights</c> value that asks for the official ImageNet weights.</summary>
    public const string ImageNet = "imagenet";

    /// <summary>Keras's argument checks, made before anything is built.</summary>
    public static void Validate(string model, string? weights, bool includeTop, int classes)
    {
        if (weights is not null && weights != ImageNet && !File.Exists(weights))
            throw new KerasNetException($"{model}: weights must be null (random initialization), \"imagenet\" or the path of a weights file; no file exists at '{weights}'.");
        if (weights == ImageNet && includeTop && classes != 1000)
            throw new KerasNetException($"{model}: with weights \"imagenet\" and includeTop: true, classes must be 1000; got {classes}.");
        if (classes < 1)
            throw new KerasNetException($"{model}: classes must be at least 1; got {classes}.");
    }

    /// <summary>
    /// The classifier's activation (Keras <c>validate_activation</c>): any activation name without weights, only
    /// <c>softmax</c> or <c>null</c> (logits) with pretrained weights.
    /// </summary>
    public static ActivationFunction? ClassifierActivation(string model, string? classifierActivation, string? weights)
    {
        ActivationFunction? activation = classifierActivation is null ? null : (ActivationFunction)classifierActivation;
        if (weights is not null && activation is not null && activation != Activations.Activations.Softmax && activation != Activations.Activations.Linear)
            throw new KerasNetException($"{model}: with pretrained weights, classifierActivation must be \"softmax\" or null (logits); got \"{classifierActivation}\".");
        return activation;
    }

    /// <summary>
    /// Loads <paramref name="weights"/> into <paramref name="model"/> as Keras's <c>model.load_weights</c> does for
    /// an application (by topological order); <c>"imagenet"</c> resolves to <paramref name="imagenetFile"/> in the
    /// Keras cache. A failure disposes the model before the exception leaves.
    /// </summary>
    public static Model Load(Model model, string? weights, Func<WeightsFile> imagenetFile)
    {
        if (weights is null) return model;
        try
        {
            LoadFile(model, weights == ImageNet ? CachedFile(model.Name, imagenetFile()) : weights);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The folder Keras downloads application weights to.</summary>
    public static string CacheFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("KERAS_HOME") is { Length: > 0 } home ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".keras"), "models");

    private static string CachedFile(string model, WeightsFile file)
    {
        string path = Path.Combine(CacheFolder, file.FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{model}: weights \"imagenet\" needs the Keras weights file '{file.FileName}' in {CacheFolder} (KerasNet does not download). " +
                $"Download it from {file.Url} into that folder (running the application once in Python Keras leaves it there), or pass the file's path as weights.", path);
        if (file.Hash is { } expected)
        {
            using var stream = File.OpenRead(path);
            (string algorithm, byte[] digest) = expected.Length == 64 ? ("SHA-256", SHA256.HashData(stream)) : ("MD5", MD5.HashData(stream));
            string actual = Convert.ToHexStringLower(digest);
            if (actual != expected)
                throw new KerasNetException($"{model}: '{path}' has {algorithm} {actual}, but Keras's '{file.FileName}' has {expected}: the file is incomplete or a different one. Download it again from {file.Url}.");
        }
        return path;
    }

    private static void LoadFile(Model model, string path) =>
        throw new NotSupportedException(
            $"{model.Name}: loading the weights file '{path}' needs KerasNet's HDF5 weight loading (Model.LoadWeights), which arrives with the persistence work and is not in this build yet. Pass weights: null for randomly initialized weights.");
}
