using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Mobile.Bff.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>The HTTP surface of the mobile BFF: limits, compression, identity and problem documents.</summary>
internal static class MobileHttpExtensions
{
    /// <summary>Request limits, brotli/gzip compression of JSON answers and the <see cref="MobileCallerPolicy"/> the screens require.</summary>
    public static IHostApplicationBuilder AddMobileHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(o => o.MaxQueryLength is >= 1 and <= 8192, $"{RequestLimitsOptions.SectionName}:MaxQueryLength must be 1..8192.")
            .Validate(o => o.MaxQueryParameters is >= 0 and <= 1000, $"{RequestLimitsOptions.SectionName}:MaxQueryParameters must be 0..1000.")
            .ValidateOnStart();

        builder.Services.AddAuthorizationBuilder().AddPolicy(MobileCallerPolicy.Name, MobileCallerPolicy.Build);

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
    /// the edge identity (401) and the caller policy (403).
    /// </summary>
    public static WebApplication UseMobileHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseMiddleware<QueryLimitsMiddleware>();
        app.UseEdgeIdentity();
        return app;
    }
}
