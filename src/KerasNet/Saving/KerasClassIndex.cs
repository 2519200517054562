using System.Reflection;
using System.Runtime.CompilerServices;

namespace KerasNet.Saving;

/// <summary>
/// The public, concrete subclasses of one KerasNet base type (the layers) by Keras class name: the type's
/// <c>ClassName</c> property where it has one, and its C# name.
/// </summary>
internal sealed class KerasClassIndex
{
    private readonly Dictionary<string, Type> _exact = new(StringComparer.Ordinal);

    /// <summary>Indexes the subclasses of <paramref name="baseType"/> in its assembly that pass <paramref name="include"/>.</summary>
    public KerasClassIndex(Type baseType, Func<Type, bool>? include = null)
    {
        foreach (var type in baseType.Assembly.GetExportedTypes())
        {
            if (type.IsAbstract || type.ContainsGenericParameters || !baseType.IsAssignableFrom(type)) continue;
            if (include is not null && !include(type)) continue;
            _exact.TryAdd(ClassNameOf(type), type);
            _exact.TryAdd(type.Name, type);
        }
    }

    /// <summary>The Keras class names known, sorted.</summary>
    public IEnumerable<string> Names => _exact.Keys.Order(StringComparer.Ordinal);

    /// <summary>The type whose Keras class name is exactly <paramref name="className"/>.</summary>
    public Type? Find(string className) => _exact.GetValueOrDefault(className);

    /// <summary>
    /// The Keras class name a type reports through its <c>ClassName</c> property (read on an instance whose
    /// constructor has not run, since constructors need arguments); the C# name when that is not possible.
    /// </summary>
    public static string ClassNameOf(Type type)
    {
        var property = type.GetProperty("ClassName", BindingFlags.Public | BindingFlags.Instance);
        var finalizer = type.GetMethod("Finalize", BindingFlags.NonPublic | BindingFlags.Instance);
        if (property?.GetMethod is null || property.PropertyType != typeof(string) || finalizer?.DeclaringType != typeof(object))
            return type.Name;
        try
        {
            return property.GetValue(RuntimeHelpers.GetUninitializedObject(type)) as string ?? type.Name;
        }
        catch (TargetInvocationException)
        {
            return type.Name; // the property reads state a constructor sets
        }
    }
}
