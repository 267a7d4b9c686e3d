using Web.Bff.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>The HTTP surface of the web BFF: who may call, and problem documents for what is not GraphQL.</summary>
internal static class WebHttpExtensions
{
    public static IHostApplicationBuilder AddWebHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.SectionName)
            .Validate(o => o.AllowedClients.Count > 0, $"{WebOptions.SectionName}:AllowedClients must list at least one client.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>In order: problem documents for exceptions and bodiless errors, the edge identity (401), the client check (403).</summary>
    public static WebApplication UseWebHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseEdgeIdentity();
        app.UseMiddleware<WebClientMiddleware>();
        return app;
    }
}
