using Microsoft.Extensions.FileProviders;
using Web.Bff.GraphiQL;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wiring of the GraphiQL IDE (Development only): the page at <c>GET /graphql</c>, its assets at <c>/graphql/ide/*</c>.</summary>
internal static class GraphiQLExtensions
{
    public static IHostApplicationBuilder AddGraphiQL(this IHostApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<GraphiQLOptions>()
            .BindConfiguration(GraphiQLOptions.SectionName)
            .Validate(o => !o.Enabled || environment.IsDevelopment(), $"{GraphiQLOptions.SectionName}:Enabled may be true only in Development.")
            .Validate(
                o => o.DemoUser is null || (o.DemoUser.Username.Length > 0 && o.DemoUser.Password.Length > 0 && o.DemoUser.ClientId.Length > 0 && o.DemoUser.TokenEndpoint.Length > 0),
                $"{GraphiQLOptions.SectionName}:DemoUser needs Username, Password, ClientId and TokenEndpoint.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Goes before the edge identity check: the page and its scripts are public, the queries are not.</summary>
    public static WebApplication UseGraphiQL(this WebApplication app)
    {
        app.UseMiddleware<GraphiQLMiddleware>();
        if (app.Configuration.GetValue<bool>($"{GraphiQLOptions.SectionName}:Enabled"))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = GraphiQLPage.AssetsPath,
                FileProvider = new EmbeddedFileProvider(typeof(GraphiQLOptions).Assembly, "Web.Bff.GraphiQL.Assets"),
                OnPrepareResponse = c =>
                {
                    c.Context.Response.Headers.CacheControl = "no-cache";
                    c.Context.Response.Headers.XContentTypeOptions = "nosniff";
                },
            });
        }

        return app;
    }
}
