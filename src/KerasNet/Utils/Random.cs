using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Utils;

/// <summary>Seeding, like <c>keras.utils.set_random_seed</c>.</summary>
public static class RandomSeed
{
    /// <summary>
    /// Seeds every source of randomness KerasNet uses (libtorch's generators for initializers,
    /// dropout and shuffling). Two runs with the same seed train to identical weights on CPU.
    /// </summary>
    public static void Set(int seed)
    {
        Engine.Initialize();
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
    }
}
