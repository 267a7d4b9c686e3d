using Microsoft.Extensions.DependencyInjection.Extensions;
using Mobile.Bff.Caching;
using Mobile.Bff.Hedging;
using Mobile.Bff.Metrics;
using Mobile.Bff.Sections;

namespace Microsoft.Extensions.Hosting;

/// <summary>The section machinery: budgets, degradation, hedged reads, the stale cache and the <c>Bff.Mobile</c> meter.</summary>
internal static class SectionsExtensions
{
    public static IHostApplicationBuilder AddSections(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BudgetOptions>()
            .BindConfiguration(BudgetOptions.SectionName)
            .Validate(o => o.Overall >= TimeSpan.FromMilliseconds(10) && o.Overall <= TimeSpan.FromMinutes(1), $"{BudgetOptions.SectionName}:Overall must be between 10 ms and 1 minute.")
            .Validate(o => o.Sections.Values.All(b => b > TimeSpan.Zero), $"{BudgetOptions.SectionName}:Sections:<name> must be positive.")
            .Validate(o => o.RetryAfter >= TimeSpan.FromSeconds(1) && o.RetryAfter <= TimeSpan.FromHours(1), $"{BudgetOptions.SectionName}:RetryAfter must be between 1 s and 1 hour.")
            .ValidateOnStart();
        services.AddOptions<CacheOptions>()
            .BindConfiguration(CacheOptions.SectionName)
            .Validate(o => o.Ttl >= TimeSpan.Zero && o.Ttl <= TimeSpan.FromHours(1), $"{CacheOptions.SectionName}:Ttl must be between 0 and 1 hour.")
            .Validate(o => o.StaleFor >= TimeSpan.Zero && o.StaleFor <= TimeSpan.FromDays(1), $"{CacheOptions.SectionName}:StaleFor must be between 0 and 1 day.")
            .Validate(o => o.MaxEntries is >= 1 and <= 1_000_000, $"{CacheOptions.SectionName}:MaxEntries must be 1..1,000,000.")
            .ValidateOnStart();
        services.AddOptions<HedgingOptions>()
            .BindConfiguration(HedgingOptions.SectionName)
            .Validate(o => o.Percentile is >= 0.5 and <= 0.999, $"{HedgingOptions.SectionName}:Percentile must be 0.5..0.999.")
            .Validate(o => o.MinSamples is >= 1 and <= 10_000, $"{HedgingOptions.SectionName}:MinSamples must be 1..10,000.")
            .Validate(o => o.WindowSize is >= 16 and <= 65_536, $"{HedgingOptions.SectionName}:WindowSize must be 16..65,536.")
            .Validate(o => o.MinDelay >= TimeSpan.FromMilliseconds(1) && o.MinDelay <= TimeSpan.FromSeconds(10), $"{HedgingOptions.SectionName}:MinDelay must be 1 ms..10 s.")
            .Validate(o => o.MaxDelay >= o.MinDelay, $"{HedgingOptions.SectionName}:MaxDelay must be at least MinDelay.")
            .Validate(o => o.BudgetRatio is >= 0 and <= 1, $"{HedgingOptions.SectionName}:BudgetRatio must be 0..1.")
            .Validate(o => o.BudgetMinPerSecond is >= 0 and <= 10_000, $"{HedgingOptions.SectionName}:BudgetMinPerSecond must be 0..10,000.")
            .Validate(o => o.BudgetWindow >= TimeSpan.FromSeconds(1) && o.BudgetWindow <= TimeSpan.FromMinutes(10), $"{HedgingOptions.SectionName}:BudgetWindow must be 1 s..10 minutes.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MobileMetrics>();
        services.AddSingleton<SectionCache>();
        services.AddSingleton<Hedger>();
        services.AddSingleton<SectionRunner>();
        services.AddSingleton<ScreenBudgets>();
        return builder;
    }
}
