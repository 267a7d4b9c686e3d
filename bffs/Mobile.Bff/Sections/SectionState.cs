using System.Text.Json.Serialization;

namespace Mobile.Bff.Sections;

/// <summary>How one section of a screen was served: the typed partial-failure contract the app codes against.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SectionState>))]
public enum SectionState
{
    /// <summary>Fresh from its service (or from a cache entry younger than its TTL).</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The service failed; the last good value is served instead (non-personal sections only).</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,

    /// <summary>The service failed or ran over its budget; the section's fields are left out.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}
