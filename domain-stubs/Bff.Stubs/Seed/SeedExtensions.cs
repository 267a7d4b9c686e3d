namespace Bff.Stubs.Seed;

/// <summary>Registers background seeding and the <c>seed</c> readiness check.</summary>
internal static class SeedExtensions
{
    public static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddSingleton<SeedStatus>();
        services.AddHostedService<SeedHostedService>();
        services.AddHealthChecks().AddCheck<SeedHealthCheck>("seed", tags: ["ready"]);
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> as a singleton that is also seeded at start.</summary>
    public static IServiceCollection AddSeeded<T>(this IServiceCollection services)
        where T : class, ISeedable
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISeedable>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
