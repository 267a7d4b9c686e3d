namespace Bff.Integration.Tests.ScaleOut;

/// <summary>One request of a <see cref="SteadyLoad"/>: when it started and ended (load clock), and why it failed, if it did.</summary>
internal sealed record LoadOutcome(TimeSpan Started, TimeSpan Ended, string? Error)
{
    public bool Failed => Error is not null;
}
