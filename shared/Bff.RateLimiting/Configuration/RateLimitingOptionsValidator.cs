using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bff.RateLimiting;

/// <summary>
/// Fails start-up on a bad <c>RateLimiting</c> section with one message per problem, each naming its key. The raw
/// section is read too: the binder silently keeps a policy's default when a value inside the dictionary does not parse.
/// </summary>
internal sealed class RateLimitingOptionsValidator(IConfiguration section) : IValidateOptions<RateLimitingOptions>
{
    private const string Section = RateLimitingOptions.SectionName;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new List<string>();
        if (options.Backend is not { } backend
            || !(backend.Equals("local", StringComparison.OrdinalIgnoreCase) || backend.Equals("redis", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{Section}:Backend '{options.Backend}' is not one of: local, redis.");
        }

        if (options.RedisFailure is not { } failure
            || !(failure.Equals("open", StringComparison.OrdinalIgnoreCase) || failure.Equals("closed", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{Section}:RedisFailure '{options.RedisFailure}' is not one of: open, closed.");
        }

        if (options.RedisProbeInterval < TimeSpan.FromMilliseconds(100) || options.RedisProbeInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:RedisProbeInterval must be between 100 ms and 10 minutes (was {options.RedisProbeInterval}).");
        }

        if (options.MaxLocalKeys < 1)
        {
            failures.Add($"{Section}:MaxLocalKeys must be positive (was {options.MaxLocalKeys}).");
        }

        if (options.UsesRedis)
        {
            failures.AddRange(options.Redis.Validate($"{Section}:Redis"));
            if (string.IsNullOrEmpty(options.KeyPrefix))
            {
                failures.Add($"{Section}:KeyPrefix must not be empty when the backend is redis.");
            }
        }

        CheckRawPolicyValues(failures);
        if (options.Policies.Count == 0)
        {
            failures.Add($"{Section}:Policies has no policy.");
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            ValidatePolicy(failures, policyName, policy);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckRawPolicyValues(List<string> failures)
    {
        foreach (var policy in section.GetSection("Policies").GetChildren())
        {
            foreach (var name in (string[])["Limit", "Burst"])
            {
                if (policy[name] is { } value && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"{Section}:Policies:{policy.Key}:{name} '{value}' is not an integer.");
                }
            }

            if (policy["Period"] is { } period && !TimeSpan.TryParse(period, CultureInfo.InvariantCulture, out _))
            {
                failures.Add($"{Section}:Policies:{policy.Key}:Period '{period}' is not a duration (hh:mm:ss).");
            }
        }
    }

    private static void ValidatePolicy(List<string> failures, string policyName, RateLimitPolicy policy)
    {
        var key = $"{Section}:Policies:{policyName}";
        if (policyName.Length is 0 or > 64 || policyName.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            failures.Add($"{key}: a policy name must be 1-64 letters, digits, '.', '_' or '-'.");
        }

        if (policy.Limit <= 0)
        {
            failures.Add($"{key}:Limit must be positive (was {policy.Limit}).");
        }

        if (policy.Period <= TimeSpan.Zero)
        {
            failures.Add($"{key}:Period must be positive (was {policy.Period}).");
        }
        else if (policy.Period > TimeSpan.FromDays(1))
        {
            failures.Add($"{key}:Period must be at most one day (was {policy.Period}).");
        }
        else if (policy.Limit > 0 && policy.Period.Ticks / 10.0 / policy.Limit < 1)
        {
            failures.Add($"{key}:Limit {policy.Limit} per {policy.Period} is more than one permit per microsecond.");
        }

        if (policy.Burst < 0)
        {
            failures.Add($"{key}:Burst must not be negative (was {policy.Burst}; 0 means the same as Limit).");
        }
    }
}
