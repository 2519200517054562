using KerasNet.Datasets;
using NUnit.Framework;

namespace KerasNet.Tests;

/// <summary>
/// Real datasets for the tests that need them. When the data cannot be found, such a test fails on CI (the
/// environment variable <c>CI</c> is <c>true</c>; CI installs the data) and is reported skipped elsewhere, so that
/// <c>dotnet test</c> on a machine with only the .NET SDK ends green.
/// </summary>
internal static class TestData
{
    /// <summary>How to get Fashion-MNIST, for the skip and failure messages.</summary>
    public const string FashionMnistInstall = "install with: apt-get install -y dataset-fashion-mnist";

    /// <summary>
    /// Fashion-MNIST as <see cref="FashionMnist.LoadData(string?)"/> finds it (<paramref name="path"/> first); fails
    /// under CI and ignores the test otherwise when no folder holds the files.
    /// </summary>
    public static (DatasetSplit<byte> Train, DatasetSplit<byte> Test) FashionMnistOrSkip(string? path = null)
    {
        if (!FashionMnist.IsAvailable(path))
        {
            var message = $"Fashion-MNIST is not installed; {FashionMnistInstall} (or put its four IDX files in ~/.keras/datasets/fashion-mnist).";
            if (IsCi) Assert.Fail(message + " CI must provide it.");
            Assert.Ignore(message);
        }
        return FashionMnist.LoadData(path);
    }

    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (any letter case), as CI services set it.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
