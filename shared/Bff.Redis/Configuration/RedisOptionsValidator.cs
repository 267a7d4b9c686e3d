using Microsoft.Extensions.Options;

namespace Bff.Redis;

/// <summary>Fails start-up on a bad Redis section, naming the key (e.g. <c>RateLimiting:Redis:Endpoint</c>).</summary>
internal sealed class RedisOptionsValidator(string sectionPath) : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var failures = options.Validate(sectionPath);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
