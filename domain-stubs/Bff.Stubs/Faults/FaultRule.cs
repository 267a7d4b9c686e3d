using Bff.Contracts.Stubs;

namespace Bff.Stubs.Faults;

/// <summary>A validated fault with its defaults filled in; <see cref="Route"/> null means every route.</summary>
internal sealed record FaultRule(int LatencyMs, int JitterMs, double ErrorRate, int ErrorStatus, bool Hang, string? Route)
{
    public const int DefaultErrorStatus = 500;

    public FaultSettings ToSettings() => new(LatencyMs, JitterMs, ErrorRate, ErrorStatus, Hang, Route);
}
