using Swashbuckle.AspNetCore.SwaggerUI;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The interactive API reference at <c>/partner/docs</c>: Swagger UI (its files embedded in Swashbuckle.AspNetCore.SwaggerUI,
/// served by this BFF: no CDN) over the OpenAPI document of each version, v2 first; v1's operations show as deprecated.
/// </summary>
internal static class PartnerReferenceExtensions
{
    public const string Path = "/partner/docs";

    /// <summary>Goes before the partner checks: the reference, like the documents it reads, needs no token.</summary>
    public static WebApplication UsePartnerReference(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = Path.TrimStart('/');
            options.DocumentTitle = "Partner API reference";
            foreach (var version in PartnerOpenApiExtensions.Versions.Reverse())
            {
                options.SwaggerEndpoint($"/partner/{version}/openapi.json", version == "v1" ? "v1 (deprecated)" : version);
            }

            options.ConfigObject.ValidatorUrl = null; // no round trip to swagger.io's online validator
            options.DocExpansion(DocExpansion.List);
            options.DisplayRequestDuration();
        });
        return app;
    }
}
