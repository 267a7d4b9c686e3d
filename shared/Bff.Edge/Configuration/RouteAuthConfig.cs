namespace Bff.Edge.Configuration;

/// <summary>
/// Who may take a route. A route without <c>Auth</c> is anonymous; with it, the caller needs a valid
/// bearer token or API key, and the upstream receives the verified identity as an edge assertion.
/// </summary>
internal sealed record RouteAuthConfig
{
    /// <summary>The upstream service's name as the assertion's audience (for example <c>mobile-bff</c>). Required.</summary>
    public string? Audience { get; init; }

    /// <summary>OAuth clients allowed on the route (any authenticated client when empty); others get 403.</summary>
    public IReadOnlyList<string>? Clients { get; init; }

    /// <summary>Scopes the caller must all hold; a missing one is a 403 naming it.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public bool Equals(RouteAuthConfig? other) =>
        other is not null
        && string.Equals(Audience, other.Audience, StringComparison.Ordinal)
        && ConfigEquality.ListEquals(Clients, other.Clients)
        && ConfigEquality.ListEquals(Scopes, other.Scopes);

    public override int GetHashCode() => HashCode.Combine(Audience, ConfigEquality.ListHash(Clients), ConfigEquality.ListHash(Scopes));
}
