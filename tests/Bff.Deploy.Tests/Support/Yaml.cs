using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Bff.Deploy.Tests.Support;

/// <summary>
/// YAML read as plain trees (maps, lists, strings), merge keys (<c>&lt;&lt;: *anchor</c>) and aliases resolved the way
/// docker-compose resolves them.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a (multi-document) YAML file, each a map.</summary>
    public static IReadOnlyList<Dictionary<object, object>> LoadDocuments(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<Dictionary<object, object>?>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Map(object? node, string what) =>
        node as Dictionary<object, object> ?? throw new InvalidDataException($"{what} is not a map");

    public static Dictionary<object, object>? OptionalMap(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) ? Map(value, key) : null;

    public static IReadOnlyList<object> List(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object> list ? list : [];

    public static string? String(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>Follows a path of keys through nested maps; null when any step is missing.</summary>
    public static object? At(this Dictionary<object, object> map, params string[] path)
    {
        object? node = map;
        foreach (var key in path)
        {
            if (node is not Dictionary<object, object> current || !current.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }
}
