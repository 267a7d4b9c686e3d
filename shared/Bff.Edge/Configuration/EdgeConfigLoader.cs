using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bff.Edge.Configuration;

/// <summary>Reads and validates a config file; every problem comes back as a message naming the key.</summary>
internal static class EdgeConfigLoader
{
    // Reflection-based on purpose: the source generator assigns every init-only property, so keys missing from the
    // file would become null/zero instead of keeping the defaults written on the records.
    // Unknown keys are errors, so a typo is reported with its JSON path instead of being silently ignored.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ConfigLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConfigLoadResult.Failed($"{path}: cannot read the config file: {ex.Message}");
        }

        return Parse(json, path);
    }

    public static ConfigLoadResult Parse(string json, string source)
    {
        EdgeConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<EdgeConfig>(json, Options);
        }
        catch (JsonException ex)
        {
            // The path ($.Routes.web.Match.Pth) names the offending key; the message says what is wrong with it.
            var key = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return ConfigLoadResult.Failed($"{source}: {key}: {FirstSentence(ex.Message)}");
        }

        if (config is null)
        {
            return ConfigLoadResult.Failed($"{source}: $: the file is empty or null");
        }

        config = Grpc.GrpcDescriptorPaths.Resolve(config, source);

        var errors = EdgeConfigValidator.Validate(config);
        return errors.Count == 0
            ? ConfigLoadResult.Succeeded(config)
            : new ConfigLoadResult(null, errors.Select(e => $"{source}: {e}").ToArray());
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: ... | LineNumber: ..." which repeats what the key already says.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
