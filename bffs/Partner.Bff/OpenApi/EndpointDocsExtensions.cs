using Partner.Bff.Errors;
using Partner.Bff.Http;

namespace Partner.Bff.OpenApi;

/// <summary>Shorthands that put an endpoint's documented answers next to its mapping.</summary>
internal static class EndpointDocsExtensions
{
    /// <summary>The operation needs <paramref name="scope"/>; 401, 403, 503 and 504 are documented for it.</summary>
    public static RouteHandlerBuilder RequiresScope(this RouteHandlerBuilder builder, string scope = PartnerScopes.Read) =>
        builder.WithMetadata(new RequiredScope(scope))
            .ProducesProblemDocument(StatusCodes.Status401Unauthorized)
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblemDocument(StatusCodes.Status504GatewayTimeout);

    public static RouteHandlerBuilder ProducesProblemDocument(this RouteHandlerBuilder builder, int status) =>
        builder.Produces<PartnerProblem>(status, Problems.ContentType);
}
