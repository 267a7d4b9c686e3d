using Web.Bff.Http;
using Web.Bff.Schema;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wiring of the GraphQL endpoint: options from the <c>GraphQL</c> section, the schema at <c>/graphql</c>.</summary>
internal static class WebGraphQLExtensions
{
    public const string Path = "/graphql";

    /// <summary>
    /// Limits, introspection (<c>GraphQL:EnableIntrospection</c>: on in appsettings.Development.json, off otherwise) and
    /// persisted queries (APQ on; <c>GraphQL:AllowListOnly</c> + <c>GraphQL:TrustedDocuments</c> for an allow-list).
    /// </summary>
    public static IHostApplicationBuilder AddWebGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGraphQL();
        return builder;
    }

    /// <summary>POST/GET <c>/graphql</c>, for callers the <see cref="WebCallerPolicy"/> admits.</summary>
    public static IEndpointConventionBuilder MapWebGraphQL(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGraphQL(Path, WebSchema.Create()).RequireAuthorization(WebCallerPolicy.Name);
}
