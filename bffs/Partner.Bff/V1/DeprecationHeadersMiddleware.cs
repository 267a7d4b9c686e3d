using System.Globalization;
using Microsoft.Extensions.Options;

namespace Partner.Bff.V1;

/// <summary>
/// Marks every v1 answer (errors included) as deprecated: <c>Deprecation</c> as an RFC 9745 structured date
/// (<c>@&lt;unix seconds&gt;</c>), <c>Sunset</c> as an RFC 8594 HTTP-date, and a <c>Link</c> to the same resource
/// in v2 with <c>rel="successor-version"</c>.
/// </summary>
internal sealed class DeprecationHeadersMiddleware
{
    private const string V1Prefix = "/partner/v1";
    private readonly RequestDelegate _next;
    private readonly string _deprecation;
    private readonly string _sunset;

    public DeprecationHeadersMiddleware(RequestDelegate next, IOptions<DeprecationOptions> options)
    {
        _next = next;
        _deprecation = "@" + options.Value.DeprecatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _sunset = options.Value.SunsetAt.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(V1Prefix, StringComparison.Ordinal, out var rest))
        {
            var successor = "/partner/v2" + rest.Value;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Deprecation"] = _deprecation;
                headers["Sunset"] = _sunset;
                headers.Append("Link", $"<{successor}>; rel=\"successor-version\"");
                return Task.CompletedTask;
            });
        }

        return _next(context);
    }
}
