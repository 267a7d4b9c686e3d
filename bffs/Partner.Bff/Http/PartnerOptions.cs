namespace Partner.Bff.Http;

/// <summary>
/// The customer accounts of the partner clients (configuration section <c>Partner</c>). Which clients may call is
/// <c>EdgeIdentity:AllowedClients</c>; each of them needs an entry here.
/// </summary>
internal sealed class PartnerOptions
{
    public const string SectionName = "Partner";

    /// <summary><c>Partner:Clients:&lt;clientId&gt;</c>: each partner client and the customer account it trades for.</summary>
    public IDictionary<string, PartnerClientOptions> Clients { get; } = new Dictionary<string, PartnerClientOptions>(StringComparer.Ordinal);
}
