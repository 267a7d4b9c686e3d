namespace Bff.Edge.Configuration;

/// <summary>A validated config, or the reasons there is none.</summary>
internal sealed record ConfigLoadResult(EdgeConfig? Config, IReadOnlyList<string> Errors)
{
    public static ConfigLoadResult Succeeded(EdgeConfig config) => new(config, []);

    public static ConfigLoadResult Failed(string error) => new(null, [error]);
}
