using Web.Bff.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>The HTTP surface of the web BFF: who may call, and problem documents for what is not GraphQL.</summary>
internal static class WebHttpExtensions
{
    /// <summary>The <see cref="WebCallerPolicy"/> the GraphQL endpoint requires.</summary>
    public static IHostApplicationBuilder AddWebHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(WebCallerPolicy.Name, WebCallerPolicy.Build);
        return builder;
    }

    /// <summary>In order: problem documents for exceptions and bodiless errors, the edge identity (401) and the caller policy (403).</summary>
    public static WebApplication UseWebHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseEdgeIdentity();
        return app;
    }
}
