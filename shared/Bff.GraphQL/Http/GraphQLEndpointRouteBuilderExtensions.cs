using Bff.GraphQL;
using Bff.GraphQL.Http;
using Bff.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a GraphQL-over-HTTP endpoint: <c>app.MapGraphQL("/graphql", schema)</c>.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>Maps the endpoint with the options registered by <c>AddGraphQL</c> (or the defaults).</summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<GraphQLOptions>>()?.Value ?? new GraphQLOptions();
        return endpoints.MapGraphQL(pattern, schema, options);
    }

    /// <summary>Maps the endpoint with its own options (its own persisted query store too).</summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema, GraphQLOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var services = endpoints.ServiceProvider;
        var registered = services.GetService<IOptions<GraphQLOptions>>()?.Value;
        var store = ReferenceEquals(registered, options) && services.GetService<IPersistedQueryStore>() is { } shared
            ? shared
            : new InMemoryPersistedQueryStore(Options.Create(options));
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Bff.GraphQL") ?? NullLogger.Instance;
        var handler = new GraphQLHttpHandler(new GraphQLRequestExecutor(schema, options), store, logger);
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
