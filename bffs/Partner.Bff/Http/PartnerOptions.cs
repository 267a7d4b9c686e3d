namespace Partner.Bff.Http;

/// <summary>
/// The partner clients this API serves (configuration section <c>Partner</c>). A client id the edge forwards that
/// is not listed here (an app user's <c>web-app</c> or <c>mobile-app</c>, an unknown client) gets 403.
/// </summary>
internal sealed class PartnerOptions
{
    public const string SectionName = "Partner";

    /// <summary><c>Partner:Clients:&lt;clientId&gt;</c>: each partner client and the customer account it trades for.</summary>
    public IDictionary<string, PartnerClientOptions> Clients { get; } = new Dictionary<string, PartnerClientOptions>(StringComparer.Ordinal);
}
