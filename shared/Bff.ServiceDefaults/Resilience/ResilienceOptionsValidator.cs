using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Checks the options of one downstream against the ranges Polly accepts, so a bad value fails at start
/// with the configuration key named instead of at the first call.
/// </summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"{ResilienceOptions.SectionName}:{(string.IsNullOrEmpty(name) ? ResilienceOptions.DefaultSectionName : name)}";
        var failures = new List<string>();

        void Check(bool valid, string key, object value, string rule)
        {
            if (!valid)
            {
                failures.Add($"{prefix}:{key} (or {ResilienceOptions.SectionName}:{ResilienceOptions.DefaultSectionName}:{key}) {rule}; was {value}.");
            }
        }

        Check(InRange(options.TotalTimeout, MinTimeout, OneDay), nameof(options.TotalTimeout), options.TotalTimeout, "must be between 00:00:00.010 and 1.00:00:00");
        Check(InRange(options.AttemptTimeout, MinTimeout, OneDay), nameof(options.AttemptTimeout), options.AttemptTimeout, "must be between 00:00:00.010 and 1.00:00:00");
        Check(options.AttemptTimeout < options.TotalTimeout, nameof(options.AttemptTimeout), options.AttemptTimeout, $"must be shorter than TotalTimeout ({options.TotalTimeout})");
        Check(options.MaxRetryAttempts is >= 0 and <= 10, nameof(options.MaxRetryAttempts), options.MaxRetryAttempts, "must be between 0 and 10");
        Check(InRange(options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1)), nameof(options.RetryBaseDelay), options.RetryBaseDelay, "must be between 00:00:00 and 00:01:00");
        Check(options.RetryMaxDelay >= options.RetryBaseDelay && options.RetryMaxDelay <= OneDay, nameof(options.RetryMaxDelay), options.RetryMaxDelay, "must be at least RetryBaseDelay and at most 1.00:00:00");
        Check(options.RetryBudgetRatio is >= 0 and <= 1, nameof(options.RetryBudgetRatio), options.RetryBudgetRatio, "must be between 0 and 1");
        Check(options.RetryBudgetMinPerSecond is >= 0 and <= 10_000, nameof(options.RetryBudgetMinPerSecond), options.RetryBudgetMinPerSecond, "must be between 0 and 10000");
        Check(InRange(options.RetryBudgetWindow, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)), nameof(options.RetryBudgetWindow), options.RetryBudgetWindow, "must be between 00:00:01 and 00:10:00");
        Check(options.BreakerFailureRatio is > 0 and <= 1, nameof(options.BreakerFailureRatio), options.BreakerFailureRatio, "must be above 0 and at most 1");
        Check(options.BreakerMinimumThroughput >= 2, nameof(options.BreakerMinimumThroughput), options.BreakerMinimumThroughput, "must be at least 2");
        Check(InRange(options.BreakerSamplingDuration, MinBreakerWindow, OneDay), nameof(options.BreakerSamplingDuration), options.BreakerSamplingDuration, "must be between 00:00:00.500 and 1.00:00:00");
        Check(options.BreakerConsecutiveFailures is 0 or (>= 2 and <= 1_000), nameof(options.BreakerConsecutiveFailures), options.BreakerConsecutiveFailures, "must be 0 (off) or between 2 and 1000");
        Check(InRange(options.BreakerBreakDuration, MinBreakerWindow, OneDay), nameof(options.BreakerBreakDuration), options.BreakerBreakDuration, "must be between 00:00:00.500 and 1.00:00:00");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool InRange(TimeSpan value, TimeSpan min, TimeSpan max) => value >= min && value <= max;
}
