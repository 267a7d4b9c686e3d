using System.Text.Json.Serialization;
using Bff.ServiceDefaults.Identity;
using Bff.ServiceDefaults.SharedState;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Partner.Bff.Errors;
using Partner.Bff.Http;
using Partner.Bff.Idempotency;
using Partner.Bff.Orders;
using Partner.Bff.Paging;
using Partner.Bff.Usage;
using Partner.Bff.V1;
using Partner.Bff.V2;

namespace Microsoft.Extensions.Hosting;

/// <summary>The partner API's services (options validated at start) and its middleware, in order.</summary>
internal static class PartnerHttpExtensions
{
    /// <summary>
    /// Binds <c>Partner</c>, <c>Partner:Paging</c>, <c>Partner:Idempotency</c>, <c>Partner:V1</c>; adds the caller policy and
    /// the <c>Bff.Partner</c> meter. Idempotency keys live in the suite's Redis when <c>RateLimiting:Backend</c> is <c>redis</c>,
    /// else in process.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PartnerOptions>().BindConfiguration(PartnerOptions.SectionName)
            .Validate(o => o.Clients.Count > 0, "Partner:Clients must list at least one partner client.")
            .Validate(o => o.Clients.Values.All(c => c.UserId > 0), "Partner:Clients:<clientId>:UserId must be a positive user id for every client.")
            .Validate<IOptions<EdgeIdentityOptions>>(
                (o, edge) => edge.Value.AllowedClients.All(o.Clients.ContainsKey),
                "Partner:Clients must give a UserId for every client in EdgeIdentity:AllowedClients.")
            .ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(PartnerCallerPolicy.Name, PartnerCallerPolicy.Build);
        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.SectionName)
            .Validate(o => o.MaxLimit is >= 1 and <= 100, "Partner:Paging:MaxLimit must be 1..100.")
            .Validate(o => o.DefaultLimit >= 1 && o.DefaultLimit <= o.MaxLimit, "Partner:Paging:DefaultLimit must be 1..MaxLimit.")
            .Validate(o => o.CursorKey.Length == 0 || IsKey(o.CursorKey), "Partner:Paging:CursorKey must be base64 of at least 32 bytes (or empty).")
            .ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName)
            .Validate(o => o.Retention >= TimeSpan.FromSeconds(1) && o.Retention <= TimeSpan.FromDays(7), "Partner:Idempotency:Retention must be 1 s..7 days.")
            .Validate(o => o.MaxKeysPerPartner is >= 1 and <= 1_000_000, "Partner:Idempotency:MaxKeysPerPartner must be 1..1000000.")
            .Validate(o => o.InFlightTimeout >= TimeSpan.FromSeconds(1) && o.InFlightTimeout <= TimeSpan.FromMinutes(10), "Partner:Idempotency:InFlightTimeout must be 1 s..10 min.")
            .Validate(o => o.KeyPrefix.Length > 0, "Partner:Idempotency:KeyPrefix must not be empty.")
            .ValidateOnStart();
        services.AddOptions<DeprecationOptions>().BindConfiguration(DeprecationOptions.SectionName)
            .Validate(o => o.SunsetAt > o.DeprecatedAt, "Partner:V1:SunsetAt must be after Partner:V1:DeprecatedAt.")
            .ValidateOnStart();

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, V1JsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, V2JsonContext.Default);

            // Numbers are numbers: the documents must not announce that an id or an amount may come as a string.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = context =>
        {
            // Answers the framework writes itself (unknown path, wrong method, unhandled exception) get a code too.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                context.ProblemDetails.Extensions["code"] = context.ProblemDetails.Status switch
                {
                    StatusCodes.Status404NotFound => ErrorCodes.NotFound,
                    StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
                    StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
                    StatusCodes.Status400BadRequest => ErrorCodes.InvalidQuery,
                    _ => ErrorCodes.InternalError,
                };
            }
        });

        services.AddSingleton<CursorCodec>();
        services.AddSingleton<Pager>();
        builder.AddSharedRedis();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<SharedRedis>() is { IsConfigured: true } redis
            ? ActivatorUtilities.CreateInstance<RedisIdempotencyStore>(sp, redis.Connection)
            : ActivatorUtilities.CreateInstance<MemoryIdempotencyStore>(sp));

        services.AddHealthChecks().AddCheck<IdempotencyStoreReadinessCheck>(IdempotencyStoreReadinessCheck.Name, tags: ["ready", "detail"]);
        services.AddSingleton<UsageMetrics>();
        services.AddTransient<PartnerOrders>();
        return builder;
    }

    /// <summary>
    /// In order: problem documents for exceptions and bodiless errors, v1's deprecation headers (on every v1 answer),
    /// the edge identity (401) and the caller policy (403), the admitted partner's account, and usage counting.
    /// </summary>
    public static WebApplication UsePartnerHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<DeprecationHeadersMiddleware>();
        app.UseEdgeIdentity();
        app.UseMiddleware<PartnerCallerMiddleware>();
        app.UseMiddleware<UsageMiddleware>();
        return app;
    }

    private static bool IsKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length >= 32;
    }
}
