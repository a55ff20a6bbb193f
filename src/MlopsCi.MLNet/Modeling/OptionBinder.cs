using System.Globalization;
using System.Reflection;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Sets a trainer's options from <c>model.params</c> by name (case and '-'/'_' ignored), converting the text to the
/// option's type. Unknown names and unconvertible values are bad input naming the spec line and the valid names.
/// </summary>
internal static class OptionBinder
{
    public static IReadOnlyDictionary<string, string> Apply(object options, ModelSpec spec)
    {
        var members = Settable(options.GetType());
        var applied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in spec.Params)
        {
            if (!members.TryGetValue(Normalize(key), out var member))
                throw new InvalidInputException($"{spec.At("params." + key)}: trainer '{spec.Trainer}' has no parameter '{key}'. Valid parameters: {string.Join(", ", members.Values.Select(m => m.Name).Order(StringComparer.Ordinal))}.");
            var type = Nullable.GetUnderlyingType(TypeOf(member)) ?? TypeOf(member);
            var value = Convert(text, type) ?? throw new InvalidInputException($"{spec.At("params." + key)}: parameter '{key}' of trainer '{spec.Trainer}' takes {Describe(type)}, not '{text}'.");
            Set(member, options, value);
            applied[member.Name] = text;
        }

        return applied;
    }

    /// <summary>Sets an option unless the spec set it, noting it in <paramref name="applied"/>.</summary>
    public static void Default(object options, ModelSpec spec, string name, object value, IDictionary<string, string> applied)
    {
        var members = Settable(options.GetType());
        if (!members.TryGetValue(Normalize(name), out var member) || spec.Params.Keys.Any(k => Normalize(k) == Normalize(name)))
            return;
        Set(member, options, value);
        applied[member.Name] = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    private static Dictionary<string, MemberInfo> Settable(Type type)
    {
        var members = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly && IsSimple(f.FieldType) && !f.Name.EndsWith("ColumnName", StringComparison.Ordinal)))
            members[Normalize(field.Name)] = field;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsSimple(p.PropertyType) && !p.Name.EndsWith("ColumnName", StringComparison.Ordinal)))
            members[Normalize(property.Name)] = property;
        return members;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal);
    }

    private static Type TypeOf(MemberInfo member) => member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;

    private static void Set(MemberInfo member, object target, object value)
    {
        if (member is FieldInfo field)
            field.SetValue(target, value);
        else
            ((PropertyInfo)member).SetValue(target, value);
    }

    private static string Normalize(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static object? Convert(string text, Type type)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type.IsEnum)
            return Enum.TryParse(type, text, true, out var e) ? e : null;
        if (type == typeof(bool))
            return bool.TryParse(text, out var b) ? b : null;
        if (type == typeof(string))
            return text;
        if (type == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null;
        if (type == typeof(long))
            return long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null;
        if (type == typeof(float))
            return float.TryParse(text, NumberStyles.Float, invariant, out var f) ? f : null;
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null;
        try
        {
            return System.Convert.ChangeType(text, type, invariant);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static string Describe(Type type) =>
        type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type)) : type == typeof(bool) ? "true or false" : type == typeof(int) || type == typeof(long) ? "a whole number" : "a number";
}
