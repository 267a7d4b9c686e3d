using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Mobile.Bff.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>The HTTP surface of the mobile BFF: limits, compression, identity and problem documents.</summary>
internal static class MobileHttpExtensions
{
    /// <summary>Request limits and brotli/gzip compression of JSON answers.</summary>
    public static IHostApplicationBuilder AddMobileHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(o => o.AllowedClients.Count > 0, $"{RequestLimitsOptions.SectionName}:AllowedClients must list at least one client.")
            .Validate(o => o.MaxQueryLength is >= 1 and <= 8192, $"{RequestLimitsOptions.SectionName}:MaxQueryLength must be 1..8192.")
            .Validate(o => o.MaxQueryParameters is >= 0 and <= 1000, $"{RequestLimitsOptions.SectionName}:MaxQueryParameters must be 0..1000.")
            .ValidateOnStart();

        // Enabled over HTTPS too: the answers reflect nothing from the request (no echo of input next to secrets),
        // so BREACH-style guessing has nothing to work on.
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    /// <summary>
    /// In order: problem documents for exceptions and bodiless errors (unknown paths), compression, query limits,
    /// the edge identity (401) and the client check (403).
    /// </summary>
    public static WebApplication UseMobileHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseMiddleware<QueryLimitsMiddleware>();
        app.UseEdgeIdentity();
        app.UseMiddleware<MobileClientMiddleware>();
        return app;
    }
}
