namespace Bff.Clients.Configuration;

/// <summary>Where one domain service answers.</summary>
public sealed class DomainServiceOptions
{
    /// <summary>Absolute http(s) URL of the service, e.g. <c>http://127.0.0.1:5201/</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;
}
