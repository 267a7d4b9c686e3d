using System.Diagnostics.Metrics;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Instruments of the resilience handler, on the <c>Bff.Resilience</c> meter (exported with the suite's
/// <c>Bff.*</c> meters on <c>/metrics</c>). Tags: <c>service</c>, <c>destination</c> for circuits, <c>outcome</c> for hedges.
/// </summary>
internal static class ResilienceMetrics
{
    public const string MeterName = "Bff.Resilience";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "bff.resilience.retries", description: "Retries sent to a downstream.");

    private static readonly Counter<long> RetriesDenied = Meter.CreateCounter<long>(
        "bff.resilience.retries_denied", description: "Retries not sent because the retry budget was used up.");

    private static readonly Counter<long> CircuitTransitions = Meter.CreateCounter<long>(
        "bff.resilience.circuit_transitions", description: "Circuit breaker state changes, by new state (open, half_open, closed).");

    private static readonly Counter<long> Hedges = Meter.CreateCounter<long>(
        "bff.resilience.hedges", description: "Hedged reads, by service and outcome (sent, won, denied by the budget).");

    public static void Retry(string service) =>
        Retries.Add(1, new KeyValuePair<string, object?>("service", service));

    public static void RetryDenied(string service) =>
        RetriesDenied.Add(1, new KeyValuePair<string, object?>("service", service));

    public static void Hedge(string service, string outcome) =>
        Hedges.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("outcome", outcome));

    public static void Circuit(string service, string destination, string state) =>
        CircuitTransitions.Add(
            1,
            new KeyValuePair<string, object?>("service", service),
            new KeyValuePair<string, object?>("destination", destination),
            new KeyValuePair<string, object?>("state", state));
}
