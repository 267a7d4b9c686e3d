namespace Bff.Authentication.ApiKeys;

/// <summary>Partner API keys (configuration section <c>Authentication:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Authentication:ApiKeys";

    /// <summary>The request header that carries a key. Default <c>X-Api-Key</c>.</summary>
    public string HeaderName { get; set; } = "X-Api-Key";

    /// <summary>The issued keys; only their hashes are stored.</summary>
    public IList<ApiKeyEntry> Keys { get; } = [];
}
