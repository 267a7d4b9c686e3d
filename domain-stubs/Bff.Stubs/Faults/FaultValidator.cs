using Bff.Contracts.Stubs;
using Bff.Stubs.Stats;

namespace Bff.Stubs.Faults;

/// <summary>Checks the body of <c>POST /_stub/faults</c> and turns it into a <see cref="FaultRule"/>.</summary>
internal static class FaultValidator
{
    public const int MaxLatencyMs = 300_000;
    public const int MaxJitterMs = 60_000;

    public static Dictionary<string, string[]> Validate(FaultSettings settings, IReadOnlySet<string> knownRoutes, out FaultRule rule)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Range(errors, "latencyMs", settings.LatencyMs, MaxLatencyMs);
        Range(errors, "jitterMs", settings.JitterMs, MaxJitterMs);
        if (settings.ErrorRate is { } rate && !(rate >= 0 && rate <= 1))
        {
            errors["errorRate"] = [$"errorRate must be from 0 to 1; got {rate}."];
        }

        if (settings.ErrorStatus is { } status && status is < 400 or > 599)
        {
            errors["errorStatus"] = [$"errorStatus must be an HTTP error status (400..599); got {status}."];
        }

        string? route = null;
        if (settings.Route is { } raw)
        {
            route = Normalize(raw);
            if (route is null || !knownRoutes.Contains(route))
            {
                errors["route"] = [$"route must be one of this stub's routes ({string.Join(", ", knownRoutes.Order(StringComparer.Ordinal))}); got '{raw}'."];
            }
        }

        rule = new FaultRule(
            settings.LatencyMs ?? 0,
            settings.JitterMs ?? 0,
            settings.ErrorRate ?? 0,
            settings.ErrorStatus ?? FaultRule.DefaultErrorStatus,
            settings.Hang ?? false,
            route);
        return errors;
    }

    private static void Range(Dictionary<string, string[]> errors, string field, int? value, int max)
    {
        if (value is < 0 || value > max)
        {
            errors[field] = [$"{field} must be from 0 to {max}; got {value}."];
        }
    }

    /// <summary>"get  /products/{id}" becomes "GET /products/{id}"; anything not "METHOD /path" is null.</summary>
    private static string? Normalize(string route)
    {
        var parts = route.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts is [var method, var path] && path.StartsWith('/') && method.All(char.IsLetter)
            ? RouteKey.Format(method, path)
            : null;
    }
}
