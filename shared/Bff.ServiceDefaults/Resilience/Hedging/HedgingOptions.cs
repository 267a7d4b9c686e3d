namespace Bff.ServiceDefaults.Resilience.Hedging;

/// <summary>
/// Hedged reads of the domain clients (bound from the section given to <c>AddHedging</c>, e.g. <c>Mobile:Hedging</c>):
/// a GET that has not answered after the service's observed percentile gets one more identical attempt.
/// </summary>
public sealed class HedgingOptions
{
    /// <summary>Whether slow reads get a second attempt at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Which observed latency of a service the hedge waits for. Default 0.95 (p95); 0.5..0.999.</summary>
    public double Percentile { get; set; } = 0.95;

    /// <summary>Successful calls of a service observed before its reads are hedged (no p95 to go by before). Default 20; 1..10,000.</summary>
    public int MinSamples { get; set; } = 20;

    /// <summary>Latencies remembered per service, the newest replacing the oldest. Default 256; 16..65,536.</summary>
    public int WindowSize { get; set; } = 256;

    /// <summary>Shortest hedge delay, so a very fast service is not hedged on noise. Default 10 ms; 1 ms..10 s.</summary>
    public TimeSpan MinDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest hedge delay. Default 250 ms; at least <see cref="MinDelay"/>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Hedges allowed as a share of the calls to a service in the current window. Default 0.1; 0..1.</summary>
    public double BudgetRatio { get; set; } = 0.1;

    /// <summary>Hedges per second always allowed, so a quiet service is still hedged. Default 2; 0..10,000.</summary>
    public int BudgetMinPerSecond { get; set; } = 2;

    /// <summary>The window the budget is counted over. Default 10 s; 1 s..10 minutes.</summary>
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromSeconds(10);
}
