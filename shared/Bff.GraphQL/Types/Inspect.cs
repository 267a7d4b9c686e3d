using System.Globalization;
using System.Text.Json;

namespace Bff.GraphQL.Types;

/// <summary>Renders values in error messages the way graphql-js's inspect() does for JSON-like data.</summary>
internal static class Inspect
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => map.Count == 0 ? "{}" : "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + Value(kv.Value))) + " }",
        IDictionary<string, object?> map => map.Count == 0 ? "{}" : "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + Value(kv.Value))) + " }",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
