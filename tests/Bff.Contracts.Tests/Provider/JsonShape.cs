using System.Text.Json;

namespace Bff.Contracts.Tests.Provider;

/// <summary>
/// Compares the shape of an answer with a contract body: every field the contract names exists with the same
/// JSON kind, recursively; arrays are compared on their first element; values themselves may differ.
/// </summary>
internal static class JsonShape
{
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {Kind(expected)}, got {Kind(actual)} ({Shorten(actual)})");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{property.Name}: missing (answer: {Shorten(actual)})");
                    }
                }

                break;
            case JsonValueKind.Array when expected.GetArrayLength() > 0:
                if (actual.GetArrayLength() == 0)
                {
                    differences.Add($"{path}: expected at least one element, got an empty array");
                }
                else
                {
                    Compare(expected[0], actual[0], $"{path}[0]", differences);
                }

                break;
            default:
                break;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "...";
    }
}
