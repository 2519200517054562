using System.Globalization;

namespace KerasNet.Applications.Building;

/// <summary>Keras's small numeric helpers of the applications, with Python's rounding and formatting.</summary>
internal static class KerasNumbers
{
    /// <summary>
    /// Keras's <c>_make_divisible</c> (MobileNetV2/V3's <c>_depth</c>): <paramref name="value"/> rounded to the nearest
    /// multiple of <paramref name="divisor"/>, at least <paramref name="divisor"/>, and not more than 10 % below the value.
    /// </summary>
    public static int MakeDivisible(double value, int divisor = 8)
    {
        int rounded = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    /// <summary>Python's <c>str(float)</c> for the values the applications use in names (<c>1.0</c>, <c>0.35</c>).</summary>
    public static string PythonFloat(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e16 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>f"{value:0.2f}"</c>.</summary>
    public static string TwoDecimals(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
