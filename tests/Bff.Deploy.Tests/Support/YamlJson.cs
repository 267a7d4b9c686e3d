using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bff.Deploy.Tests.Support;

/// <summary>
/// YAML documents as JSON with YAML 1.2 core-schema types (plain <c>2</c> is a number, <c>true</c> a boolean,
/// quoted <c>"2"</c> a string), which is how the Kubernetes API reads a manifest.
/// </summary>
internal static partial class YamlJson
{
    public static IEnumerable<JsonNode?> LoadDocuments(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Select(d => Convert(d.RootNode)).ToArray();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) => JsonValue.Create(Number(text)),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    // YAML 1.2 core schema: 0o17 is octal (file modes such as defaultMode: 0440 are written that way, or as 0440,
    // which YAML 1.1 - and so kubectl - reads as octal too).
    private static long Number(string text) =>
        text.StartsWith("0o", StringComparison.Ordinal) ? System.Convert.ToInt64(text[2..], 8)
        : text.StartsWith("0x", StringComparison.Ordinal) ? System.Convert.ToInt64(text[2..], 16)
        : text.Length > 1 && text[0] == '0' ? System.Convert.ToInt64(text, 8)
        : long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
