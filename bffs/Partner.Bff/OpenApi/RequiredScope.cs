namespace Partner.Bff.OpenApi;

/// <summary>Endpoint metadata: the OAuth scope an operation needs, written into its OpenAPI security requirement.</summary>
/// <param name="Scope">partner.read or partner.write.</param>
internal sealed record RequiredScope(string Scope);
