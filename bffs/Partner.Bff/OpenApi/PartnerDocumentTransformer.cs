using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Partner.Bff.Http;

namespace Partner.Bff.OpenApi;

/// <summary>
/// The parts of each version's document that no endpoint says: title and description (with the error catalogue),
/// a fixed server (so the committed snapshot does not depend on the port that served it) and the two ways in:
/// an OAuth 2.0 client-credentials token or an API key, both checked by the edge gateway.
/// </summary>
internal sealed class PartnerDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string OAuth2 = "oauth2";
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var version = context.DocumentName;
        document.Info = new OpenApiInfo
        {
            Title = "Partner API",
            Version = version,
            Description = Description(version),
        };
        document.Servers = [new OpenApiServer { Url = "https://127.0.0.1:8443", Description = "The edge gateway (local)" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [OAuth2] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A bearer token from the identity service's token endpoint (grant_type=client_credentials).",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [PartnerScopes.Read] = "Read the partner's orders and the catalogue.",
                            [PartnerScopes.Write] = "Place orders.",
                        },
                    },
                },
            },
            [ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key issued to the partner (<id>.<secret>); it grants the scopes it was issued with.",
            },
        };
        return Task.CompletedTask;
    }

    private static string Description(string version)
    {
        var common = "Orders and products of the suite for partner integrations. Lists are paged with opaque cursors; errors are "
            + "RFC 9457 problem documents whose `code` is one of: invalid_id, invalid_limit, invalid_cursor, invalid_query, invalid_body, "
            + "unknown_field, unsupported_media_type, idempotency_key_missing, idempotency_key_invalid, idempotency_key_reused, order_rejected, "
            + "edge_identity_required, not_a_partner, insufficient_scope, not_found, method_not_allowed, upstream_unavailable, upstream_timeout, internal_error.";
        return version == "v1"
            ? "Deprecated: every answer carries Deprecation, Sunset and a Link to its v2 successor; migrate to v2. " + common
            : common;
    }
}
