using System.Text.Json;
using Bff.ServiceDefaults.Identity;

namespace Bff.Edge.Configuration;

/// <summary>Checks the per-route auth and rate-limit policies against the file's <c>Identity</c>, <c>Authentication</c> and <c>RateLimiting</c>.</summary>
internal static class PolicyConfigValidator
{
    // Policies the rate limiting library ships; the file's RateLimiting:Policies may add more.
    private static readonly string[] BuiltInPolicies = ["app-users", "partner-free", "partner-gold"];

    public static void Validate(EdgeConfig config, List<string> errors)
    {
        var identity = config.Identity;
        if (identity.AssertionLifetime <= TimeSpan.Zero || identity.AssertionLifetime > EdgeIdentityToken.MaxLifetime)
        {
            errors.Add($"Identity.AssertionLifetime: must be more than 0 and at most 00:01:00 (got {identity.AssertionLifetime})");
        }

        for (var i = 0; i < identity.StripHeaders.Count; i++)
        {
            var name = identity.StripHeaders[i];
            if (string.IsNullOrWhiteSpace(name) || name.TrimEnd('*').Length == 0 || name.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != name.Length - 1)
            {
                errors.Add($"Identity.StripHeaders[{i}]: '{name}' must be a header name, optionally ending in *");
            }
        }

        var policies = KnownPolicies(config.RateLimiting);
        var authConfigured = HasAuthentication(config.Authentication);
        foreach (var (id, route) in config.Routes)
        {
            if (route.Auth is { } auth)
            {
                if (string.IsNullOrWhiteSpace(auth.Audience))
                {
                    errors.Add($"Routes.{id}.Auth.Audience: is required (the upstream's name, for the edge assertion)");
                }

                if (string.IsNullOrWhiteSpace(identity.SigningKeyPath))
                {
                    errors.Add($"Routes.{id}.Auth: needs Identity.SigningKeyPath to sign the identity it forwards");
                }

                if (!authConfigured)
                {
                    errors.Add($"Routes.{id}.Auth: needs Authentication.Jwt.Authority or Authentication.ApiKeys to verify callers");
                }
            }

            if (route.RateLimit is { } limit)
            {
                ValidateRateLimit($"Routes.{id}.RateLimit", limit, policies, errors);
            }
        }
    }

    private static void ValidateRateLimit(string key, RouteRateLimitConfig limit, HashSet<string> policies, List<string> errors)
    {
        if (limit.Policy is null && limit.PlanPolicies is not { Count: > 0 })
        {
            errors.Add($"{key}: names no Policy and no PlanPolicies");
        }

        if (limit.Policy is { } policy && !policies.Contains(policy))
        {
            errors.Add($"{key}.Policy: '{policy}' is not a built-in policy nor defined under RateLimiting.Policies");
        }

        foreach (var (plan, planPolicy) in limit.PlanPolicies ?? new Dictionary<string, string>())
        {
            if (!policies.Contains(planPolicy))
            {
                errors.Add($"{key}.PlanPolicies.{plan}: '{planPolicy}' is not a built-in policy nor defined under RateLimiting.Policies");
            }
        }
    }

    private static HashSet<string> KnownPolicies(JsonElement? rateLimiting)
    {
        var names = new HashSet<string>(BuiltInPolicies, StringComparer.OrdinalIgnoreCase);
        if (rateLimiting is { ValueKind: JsonValueKind.Object } section
            && TryGetProperty(section, "Policies", out var defined) && defined.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in defined.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        return names;
    }

    private static bool HasAuthentication(JsonElement? authentication) =>
        authentication is { ValueKind: JsonValueKind.Object } section
        && ((TryGetProperty(section, "Jwt", out var jwt) && TryGetProperty(jwt, "Authority", out _))
            || TryGetProperty(section, "ApiKeys", out _));

    // Configuration keys are case-insensitive; so is this lookup.
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
