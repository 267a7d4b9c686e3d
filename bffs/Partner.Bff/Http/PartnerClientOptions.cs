namespace Partner.Bff.Http;

/// <summary>One partner client (<c>Partner:Clients:&lt;clientId&gt;</c>).</summary>
internal sealed class PartnerClientOptions
{
    /// <summary>
    /// <c>Partner:Clients:&lt;clientId&gt;:UserId</c>: the seeded domain user that is this partner's customer account.
    /// The partner sees exactly that user's orders, and orders it places are placed for that user.
    /// </summary>
    public int UserId { get; set; }
}
