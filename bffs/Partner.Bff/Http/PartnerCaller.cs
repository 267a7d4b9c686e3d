namespace Partner.Bff.Http;

/// <summary>The partner behind a request, once the <see cref="PartnerCallerPolicy"/> admitted it.</summary>
/// <param name="ClientId">The partner client id (the edge identity's client).</param>
/// <param name="UserId">The domain user whose orders are this partner's.</param>
/// <param name="Plan">The plan the edge asserted (<c>free</c>, <c>gold</c>); the edge enforces its limits.</param>
/// <param name="CanWrite">True when the <c>partner.write</c> scope was granted.</param>
internal sealed record PartnerCaller(string ClientId, int UserId, string Plan, bool CanWrite);
