using Bff.ServiceDefaults.Resilience.Hedging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on hedged reads in the resilience pipelines of the clients wired with <c>AddResilience</c>.</summary>
public static class HedgingServiceCollectionExtensions
{
    /// <summary>
    /// Adds Polly hedging to every downstream pipeline, between the total timeout and the retries: see
    /// <see cref="HedgingOptions"/>, bound from <paramref name="sectionName"/> and validated at start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="sectionName">The configuration section of the <see cref="HedgingOptions"/>, e.g. <c>Mobile:Hedging</c>.</param>
    public static IServiceCollection AddHedging(this IServiceCollection services, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        services.AddOptions<HedgingOptions>()
            .BindConfiguration(sectionName)
            .Validate(o => o.Percentile is >= 0.5 and <= 0.999, $"{sectionName}:Percentile must be 0.5..0.999.")
            .Validate(o => o.MinSamples is >= 1 and <= 10_000, $"{sectionName}:MinSamples must be 1..10,000.")
            .Validate(o => o.WindowSize is >= 16 and <= 65_536, $"{sectionName}:WindowSize must be 16..65,536.")
            .Validate(o => o.MinDelay >= TimeSpan.FromMilliseconds(1) && o.MinDelay <= TimeSpan.FromSeconds(10), $"{sectionName}:MinDelay must be 1 ms..10 s.")
            .Validate(o => o.MaxDelay >= o.MinDelay, $"{sectionName}:MaxDelay must be at least MinDelay.")
            .Validate(o => o.BudgetRatio is >= 0 and <= 1, $"{sectionName}:BudgetRatio must be 0..1.")
            .Validate(o => o.BudgetMinPerSecond is >= 0 and <= 10_000, $"{sectionName}:BudgetMinPerSecond must be 0..10,000.")
            .Validate(o => o.BudgetWindow >= TimeSpan.FromSeconds(1) && o.BudgetWindow <= TimeSpan.FromMinutes(10), $"{sectionName}:BudgetWindow must be 1 s..10 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceHedges>();
        return services;
    }
}
