using Bff.GraphQL.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GraphQL options (section "GraphQL", validated on start) and the persisted query store.</summary>
public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQL(this IServiceCollection services, Action<Bff.GraphQL.GraphQLOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<Bff.GraphQL.GraphQLOptions>().BindConfiguration("GraphQL").ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IPersistedQueryStore, InMemoryPersistedQueryStore>();
        return services;
    }
}
