namespace KerasNet;

/// <summary>The error KerasNet raises for bad input, bad configuration or a failed native step.</summary>
public class KerasNetException : Exception
{
    /// <summary>Creates the exception with a message that names the layer or argument at fault.</summary>
    public KerasNetException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the engine's own error.</summary>
    public KerasNetException(string message, Exception inner) : base(message, inner) { }
}
