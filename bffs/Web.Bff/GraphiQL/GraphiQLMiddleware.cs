using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Web.Bff.GraphiQL;

/// <summary>
/// Answers <c>GET /graphql</c> from a browser (<c>Accept</c> lists <c>text/html</c>, no <c>query</c> parameter) with the
/// IDE, before the edge identity is checked: the page is public, the queries it sends carry the token. Disabled (every
/// environment but Development) the same request gets a 404 problem, never the page and never a GraphQL answer.
/// </summary>
internal sealed class GraphiQLMiddleware(RequestDelegate next, IOptions<GraphiQLOptions> options)
{
    private readonly string? _page = options.Value.Enabled ? GraphiQLPage.Render(WebGraphQLExtensions.Path, options.Value.DemoUser) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsPageRequest(context.Request))
        {
            return next(context);
        }

        if (_page is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not Found",
                detail: "The GraphQL IDE is served in Development only.",
                type: "https://httpstatuses.io/404",
                extensions: new Dictionary<string, object?> { ["code"] = "ide_not_available" }).ExecuteAsync(context);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = GraphiQLPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(_page, context.RequestAborted);
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Path.Equals(WebGraphQLExtensions.Path, StringComparison.OrdinalIgnoreCase)
        && !request.Query.ContainsKey("query")
        && AcceptsHtml(request);

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
        && ranges.Any(r => r.Quality != 0 && r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
