using Bff.Edge.Configuration;
using Bff.Edge.Upstream;

namespace Bff.Edge.Health;

/// <summary>
/// Live state of one destination: in-flight count for load balancing, and the health flags that decide whether
/// it takes traffic. Shared by every request; updated with interlocked operations.
/// </summary>
internal sealed class DestinationState : IDisposable
{
    private int _concurrentRequests;
    private int _consecutiveFailures;

    public DestinationState(string id, DestinationConfig config, bool http11)
    {
        Id = id;
        Address = config.Address!.TrimEnd('/');
        Weight = config.Weight;
        Http1 = http11 ? Http1Endpoint.TryCreate(Address) : null;
    }

    public string Id { get; }

    /// <summary>Scheme, authority and optional base path, without a trailing slash.</summary>
    public string Address { get; }

    public int Weight { get; }

    /// <summary>The gateway's own HTTP/1.1 client for an <c>http://</c> destination of an HTTP/1.1 cluster; null otherwise.</summary>
    public Http1Endpoint? Http1 { get; }

    public int ConcurrentRequests => Volatile.Read(ref _concurrentRequests);

    /// <summary>Last active probe result; true until a probe says otherwise.</summary>
    public bool ActiveHealthy { get; set; } = true;

    /// <summary>Set by passive health after too many failures, cleared when the cool-down ends.</summary>
    public bool Ejected { get; set; }

    public void RequestStarted() => Interlocked.Increment(ref _concurrentRequests);

    public void RequestEnded() => Interlocked.Decrement(ref _concurrentRequests);

    /// <summary>Counts a failure; returns the number of failures in a row.</summary>
    public int RecordFailure() => Interlocked.Increment(ref _consecutiveFailures);

    public void RecordSuccess()
    {
        // Read first so the common all-good case does not write a shared cache line.
        if (Volatile.Read(ref _consecutiveFailures) != 0)
        {
            Volatile.Write(ref _consecutiveFailures, 0);
        }
    }

    /// <summary>Closes the kept-alive connections; exchanges still running close theirs when they end.</summary>
    public void Dispose() => Http1?.Dispose();
}
