namespace Bff.Contracts.Stubs;

/// <summary>Answer of <c>GET /_stub/stats</c>: requests served per route pattern since the last reset.</summary>
public sealed record StubStats(long Total, IReadOnlyDictionary<string, long> Routes);
