namespace Bff.TestSupport.Upstreams;

/// <summary>One request as the raw upstream read it: the head as text and the decoded body.</summary>
public sealed record RawUpstreamRequest(int Connection, string Method, string Target, string Head, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
