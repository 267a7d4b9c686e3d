namespace Bff.Contracts.Stubs;

/// <summary>
/// Body of <c>POST /_stub/faults</c> on every domain stub; every field is optional.
/// <see cref="Route"/> (a route pattern like <c>GET /products/{id}</c>) limits the fault to that route.
/// </summary>
public sealed record FaultSettings(
    int? LatencyMs = null,
    int? JitterMs = null,
    double? ErrorRate = null,
    int? ErrorStatus = null,
    bool? Hang = null,
    string? Route = null);
