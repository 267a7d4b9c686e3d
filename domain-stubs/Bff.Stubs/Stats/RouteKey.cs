namespace Bff.Stubs.Stats;

/// <summary>Names a route the way stats and faults do: <c>"GET /products/{id}"</c> (method, space, route pattern).</summary>
internal static class RouteKey
{
    public static string Of(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint
            ? Format(context.Request.Method, endpoint.RoutePattern.RawText)
            : Format(context.Request.Method, context.Request.Path.Value);

    public static string Format(string method, string? pattern) =>
        $"{method.ToUpperInvariant()} {(string.IsNullOrEmpty(pattern) ? "/" : pattern.StartsWith('/') ? pattern : "/" + pattern)}";
}
