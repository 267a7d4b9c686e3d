using System.Buffers;
using System.Globalization;

namespace Bff.RateLimiting;

/// <summary>
/// Header values of draft-ietf-httpapi-ratelimit-headers (-11, structured fields, RFC 9651) and RFC 9110's Retry-After.
/// <list type="bullet">
/// <item><c>RateLimit-Policy: "app-users";q=40;w=2</c> (§3): the quota <c>q</c> is the policy's burst and <c>w</c> the
/// seconds a full burst takes to come back, so q/w is the steady rate.</item>
/// <item><c>RateLimit: "app-users";r=39;t=1</c> (§4): <c>r</c> permits left now; <c>t</c> seconds until the quota is
/// fully restored (when denied: until the next permit, which is also <c>Retry-After</c>, so Retry-After never points
/// before the end of the effective window, §6).</item>
/// </list>
/// No <c>pk</c> parameter: partition keys are user subjects and API key ids, which a response should not echo.
/// </summary>
public static class RateLimitHeaders
{
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:/ ");

    /// <summary><c>RateLimit-Policy</c>.</summary>
    public const string PolicyHeader = "RateLimit-Policy";

    /// <summary><c>RateLimit</c>.</summary>
    public const string RateLimitHeader = "RateLimit";

    /// <summary><c>Retry-After</c>.</summary>
    public const string RetryAfterHeader = "Retry-After";

    /// <summary>The <c>RateLimit-Policy</c> item of <paramref name="policy"/>: <c>"name";q=Q;w=W</c>.</summary>
    public static string FormatPolicy(RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var window = Math.Max(1, CeilingSeconds(TimeSpan.FromTicks((long)Math.Ceiling(policy.Period.Ticks * (double)policy.EffectiveBurst / policy.Limit))));
        return string.Create(CultureInfo.InvariantCulture, $"{SfString(policy.Name)};q={policy.EffectiveBurst};w={window}");
    }

    /// <summary>The <c>RateLimit</c> item of <paramref name="decision"/>: <c>"name";r=R;t=T</c>.</summary>
    public static string FormatRateLimit(in RateLimitDecision decision)
    {
        var window = decision.IsAllowed ? CeilingSeconds(decision.ResetAfter) : RetryAfterSeconds(decision);
        return string.Create(CultureInfo.InvariantCulture, $"{SfString(decision.Policy.Name)};r={decision.Remaining};t={window}");
    }

    /// <summary>
    /// The <c>Retry-After</c> delay-seconds for a denied decision: <see cref="RateLimitDecision.RetryAfter"/> rounded up,
    /// at least 1 (a client told 0 would retry at once and be denied again).
    /// </summary>
    public static long RetryAfterSeconds(in RateLimitDecision decision) => Math.Max(1, CeilingSeconds(decision.RetryAfter));

    // RFC 9651 §3.3.3: printable ASCII, with '"' and '\' escaped. Configured names never need it (validated at start);
    // a policy built in code might.
    private static string SfString(string name)
    {
        if (!name.AsSpan().ContainsAnyExcept(PlainCharacters))
        {
            return string.Concat("\"", name, "\"");
        }

        var text = new System.Text.StringBuilder(name.Length + 4).Append('"');
        foreach (var c in name)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                >= ' ' and <= '~' => c.ToString(),
                _ => "?",
            });
        }

        return text.Append('"').ToString();
    }

    private static long CeilingSeconds(TimeSpan value) => value <= TimeSpan.Zero ? 0 : (value.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
}
