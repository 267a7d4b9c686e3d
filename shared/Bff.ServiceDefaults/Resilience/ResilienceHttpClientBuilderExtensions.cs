using Bff.ServiceDefaults.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the resilience pipeline of the suite onto an <see cref="IHttpClientBuilder"/>.</summary>
public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds, through Microsoft.Extensions.Http.Resilience, total and per-attempt timeouts, budgeted retries of
    /// idempotent methods and circuit breakers per destination to the client. Settings come from
    /// <c>Resilience:Default</c> overridden by <c>Resilience:&lt;serviceName&gt;</c> and are validated at start.
    /// The client's own <see cref="HttpClient.Timeout"/> is lifted so the pipeline's total timeout rules.
    /// </summary>
    /// <param name="builder">The client to protect.</param>
    /// <param name="serviceName">The downstream's name: names its configuration section, pipeline, logs and budget.</param>
    public static IHttpClientBuilder AddResilience(this IHttpClientBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RetryBudgets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResilienceOptions>, ResilienceOptionsValidator>());
        services.AddOptions<ResilienceOptions>(serviceName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var root = configuration.GetSection(ResilienceOptions.SectionName);
                root.GetSection(ResilienceOptions.DefaultSectionName).Bind(options);
                root.GetSection(serviceName).Bind(options);
            })
            .ValidateOnStart();

        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(serviceName, (pipeline, context) => DownstreamPipeline.Configure(pipeline, context, serviceName))
            .SelectPipelineByAuthority();
        builder.AddHttpMessageHandler(sp => new ResponseBufferingHandler(
            sp.GetRequiredService<IOptionsMonitor<ResilienceOptions>>().Get(serviceName).BufferResponseContent));
        return builder;
    }
}
