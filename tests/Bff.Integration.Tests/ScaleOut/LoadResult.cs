using System.Globalization;

namespace Bff.Integration.Tests.ScaleOut;

/// <summary>Every outcome of a load run, with the figures the scale-out tests report.</summary>
internal sealed class LoadResult(IReadOnlyList<LoadOutcome> outcomes)
{
    public IReadOnlyList<LoadOutcome> Outcomes { get; } = outcomes;

    public int Sent => Outcomes.Count;

    public IReadOnlyList<LoadOutcome> Failures => [.. Outcomes.Where(o => o.Failed)];

    /// <summary>Requests that started after <paramref name="at"/> (load clock): proof that traffic kept flowing.</summary>
    public int SentAfter(TimeSpan at) => Outcomes.Count(o => o.Started >= at);

    /// <summary>
    /// Time from <paramref name="incident"/> until the last failed request ended: after it, every request passed.
    /// Zero when nothing failed.
    /// </summary>
    public TimeSpan RecoveryAfter(TimeSpan incident)
    {
        var failures = Failures;
        if (failures.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var lastFailure = failures.Max(f => f.Ended) - incident;
        return lastFailure > TimeSpan.Zero ? lastFailure : TimeSpan.Zero;
    }

    /// <summary>The longest request in flight at <paramref name="at"/>: how long the incident held up its victims.</summary>
    public TimeSpan SlowestAcross(TimeSpan at) =>
        Outcomes.Where(o => o.Started <= at && o.Ended >= at).Select(o => o.Ended - o.Started).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>Requests in flight at <paramref name="at"/>.</summary>
    public int InFlightAt(TimeSpan at) => Outcomes.Count(o => o.Started <= at && o.Ended >= at);

    /// <summary>One line for the test output; the failures grouped by reason.</summary>
    public string Describe(string scenario)
    {
        var reasons = string.Join("; ", Failures.GroupBy(f => f.Error).Select(g => $"{g.Count()}x {g.Key}"));
        return string.Create(CultureInfo.InvariantCulture, $"{scenario}: {Sent} requests sent, {Failures.Count} failed{(reasons.Length > 0 ? " (" + reasons + ")" : string.Empty)}");
    }
}
