using Microsoft.Extensions.DependencyInjection.Extensions;
using Mobile.Bff.Caching;
using Mobile.Bff.Metrics;
using Mobile.Bff.Sections;

namespace Microsoft.Extensions.Hosting;

/// <summary>The section machinery: budgets, degradation, hedged reads, the stale cache and the <c>Bff.Mobile</c> meter.</summary>
internal static class SectionsExtensions
{
    /// <summary>The hedged reads of the domain clients' pipelines (<c>HedgingOptions</c>).</summary>
    public const string HedgingSectionName = "Mobile:Hedging";

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
        services.AddHedging(HedgingSectionName);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MobileMetrics>();
        services.AddSingleton<SectionCache>();
        services.AddSingleton<SectionRunner>();
        services.AddSingleton<ScreenBudgets>();
        return builder;
    }
}
