namespace Bff.Edge.Configuration;

/// <summary>
/// Cross-origin access to a route (the Fetch standard's CORS protocol). With it the edge answers preflights itself,
/// refuses other origins, and owns every <c>Access-Control-*</c> response header of the route.
/// </summary>
internal sealed record RouteCorsConfig
{
    /// <summary>Origins as browsers send them (<c>https://app.example.com</c>, no path), or <c>*</c> alone. Required; <c>null</c> is never allowed.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }

    /// <summary>Methods a cross-origin request may use (<c>*</c>: any, without credentials only). Default GET, HEAD, POST.</summary>
    public IReadOnlyList<string>? AllowedMethods { get; init; }

    /// <summary>Request headers beyond the safelisted ones (<c>Authorization</c>, <c>Content-Type</c>...); <c>*</c>: any, without credentials only. Default none.</summary>
    public IReadOnlyList<string>? AllowedHeaders { get; init; }

    /// <summary>Response headers scripts may read beyond the safelisted ones. Default none.</summary>
    public IReadOnlyList<string>? ExposedHeaders { get; init; }

    /// <summary>Whether cookies and HTTP authentication may come along (<c>Access-Control-Allow-Credentials</c>). Default false.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>How long browsers may cache a preflight answer (0 to 24 h, whole seconds sent). Default none (browser default, 5 s).</summary>
    public TimeSpan? MaxAge { get; init; }

    public bool Equals(RouteCorsConfig? other) =>
        other is not null
        && ConfigEquality.ListEquals(AllowedOrigins, other.AllowedOrigins)
        && ConfigEquality.ListEquals(AllowedMethods, other.AllowedMethods)
        && ConfigEquality.ListEquals(AllowedHeaders, other.AllowedHeaders)
        && ConfigEquality.ListEquals(ExposedHeaders, other.ExposedHeaders)
        && AllowCredentials == other.AllowCredentials
        && MaxAge == other.MaxAge;

    public override int GetHashCode() => HashCode.Combine(
        ConfigEquality.ListHash(AllowedOrigins),
        ConfigEquality.ListHash(AllowedMethods),
        ConfigEquality.ListHash(AllowedHeaders),
        ConfigEquality.ListHash(ExposedHeaders),
        AllowCredentials,
        MaxAge);
}
