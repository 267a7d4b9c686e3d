using Bff.Contracts;
using Bff.Stubs.Faults;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;
using Bff.Stubs.Seed;
using Bff.Stubs.Stats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bff.Stubs.Hosting;

/// <summary>Wiring shared by every stub: service choice, default address, JSON, problems, faults, stats, seeding.</summary>
internal static class StubHostExtensions
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--service"] = "Stub:Service",
    };

    /// <summary>Reads <c>Stub:Service</c> (or <c>--service</c>) and adds what every stub needs; returns the chosen service.</summary>
    public static StubService AddStubHost(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        var service = ReadService(builder.Configuration);

        if (!HasExplicitAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{StubPorts.For(service)}");
        }

        // Per-request framework logs would cost the stubs more than they serve under load tests.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOptions<StubOptions>()
            .BindConfiguration(StubOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CursorCodec>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, StubJsonContext.Default);
        });
        builder.Services.AddStubProblems();
        builder.Services.AddStubFaults();
        builder.Services.AddStubStats();
        builder.Services.AddSeeding();
        return service;
    }

    /// <summary>Maps the test surface every stub shares: problem answers, <c>/_stub/faults</c>, <c>/_stub/stats</c>.</summary>
    public static WebApplication MapStubSurface(this WebApplication app)
    {
        app.UseStubProblems();
        app.MapFaultEndpoints();
        app.MapStatsEndpoints();
        return app;
    }

    /// <summary>
    /// The group the played service's own routes join, so that they, and only they, are counted and can be
    /// faulted (not <c>/_stub/*</c>, <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>).
    /// </summary>
    public static RouteGroupBuilder MapStubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty);
        api.WithMetadata(StubApiMarker.Instance)
            .AddEndpointFilter<RequestCountingFilter>()
            .AddEndpointFilter<FaultInjectionFilter>();
        return api;
    }

    private static StubService ReadService(IConfiguration configuration)
    {
        var value = configuration[$"{StubOptions.Section}:{nameof(StubOptions.Service)}"];
        if (!string.IsNullOrEmpty(value) && value.All(char.IsLetter)
            && Enum.TryParse<StubService>(value, ignoreCase: true, out var service))
        {
            return service;
        }

        throw new InvalidOperationException(
            $"Stub:Service (or --service) must be one of identity, users, orders, products, reviews; got '{value}'.");
    }

    private static bool HasExplicitAddress(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
