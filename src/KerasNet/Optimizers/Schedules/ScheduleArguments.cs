namespace KerasNet.Optimizers.Schedules;

/// <summary>Argument checks shared by the schedules.</summary>
internal static class ScheduleArguments
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number > 0.</summary>
    public static void RequirePositive(string schedule, string argument, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
            throw new KerasNetException($"{schedule}: {argument} must be a finite number > 0, got {value}.");
    }
}
