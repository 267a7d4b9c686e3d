using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Stubs;
using Bff.Stubs.Hosting;
using Bff.Stubs.Problems;
using Bff.Stubs.Stats;

namespace Bff.Stubs.Faults;

/// <summary><c>POST/GET/DELETE /_stub/faults</c>: set, list and clear the faults in force.</summary>
internal static partial class FaultExtensions
{
    public static IServiceCollection AddStubFaults(this IServiceCollection services)
    {
        services.AddSingleton<FaultRegistry>();
        services.AddSingleton<FaultRandom>();
        return services;
    }

    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/_stub/faults", SetAsync);
        endpoints.MapGet("/_stub/faults", (FaultRegistry registry) =>
            TypedResults.Ok(new ItemList<FaultSettings>([.. registry.All().Select(r => r.ToSettings())])));
        endpoints.MapDelete("/_stub/faults", (FaultRegistry registry) =>
        {
            registry.Clear();
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    private static async Task<IResult> SetAsync(
        HttpRequest request,
        FaultRegistry registry,
        EndpointDataSource endpoints,
        ILoggerFactory loggers)
    {
        var body = await JsonBody.ReadAsync(request, ContractsJsonContext.Default.FaultSettings);
        if (body.Failed)
        {
            return body.Problem!;
        }

        var errors = FaultValidator.Validate(body.Value, KnownRoutes(endpoints), out var rule);
        if (errors.Count > 0)
        {
            return StubProblems.InvalidBody(errors);
        }

        registry.Set(rule);
        LogFaultSet(loggers.CreateLogger(typeof(FaultExtensions)), rule.Route ?? "every route", rule.ToString());
        return TypedResults.Ok(rule.ToSettings());
    }

    private static HashSet<string> KnownRoutes(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StubApiMarker>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => RouteKey.Format(m, e.RoutePattern.RawText))),
    ];

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Fault set for {Route}: {Rule}")]
    private static partial void LogFaultSet(ILogger logger, string route, string rule);
}
