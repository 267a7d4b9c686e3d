using Microsoft.Extensions.Options;

namespace Bff.Clients.Configuration;

/// <summary>Fails start when a base URL is not an absolute http(s) URL, naming the configuration key.</summary>
internal sealed class DomainServicesOptionsValidator : IValidateOptions<DomainServicesOptions>
{
    public ValidateOptionsResult Validate(string? name, DomainServicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.Users, nameof(options.Users), failures);
        Check(options.Orders, nameof(options.Orders), failures);
        Check(options.Products, nameof(options.Products), failures);
        Check(options.Reviews, nameof(options.Reviews), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(DomainServiceOptions? service, string serviceKey, List<string> failures)
    {
        var key = $"{DomainServicesOptions.SectionName}:{serviceKey}:{nameof(DomainServiceOptions.BaseUrl)}";
        var url = service?.BaseUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"{key} must be an absolute http(s) URL without query or fragment; was '{url}'.");
        }
    }
}
