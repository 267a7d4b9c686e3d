namespace Bff.Clients.Configuration;

/// <summary>
/// The four domain services, bound from <c>DomainServices</c> (e.g. <c>DomainServices:Users:BaseUrl</c>);
/// defaults are the local ports of ARCHITECTURE.md on 127.0.0.1.
/// </summary>
public sealed class DomainServicesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DomainServices";

    /// <summary>Users service; default <c>http://127.0.0.1:5201/</c>.</summary>
    public DomainServiceOptions Users { get; set; } = new() { BaseUrl = "http://127.0.0.1:5201/" };

    /// <summary>Orders service; default <c>http://127.0.0.1:5202/</c>.</summary>
    public DomainServiceOptions Orders { get; set; } = new() { BaseUrl = "http://127.0.0.1:5202/" };

    /// <summary>Products service; default <c>http://127.0.0.1:5203/</c>.</summary>
    public DomainServiceOptions Products { get; set; } = new() { BaseUrl = "http://127.0.0.1:5203/" };

    /// <summary>Reviews service; default <c>http://127.0.0.1:5204/</c>.</summary>
    public DomainServiceOptions Reviews { get; set; } = new() { BaseUrl = "http://127.0.0.1:5204/" };

    /// <summary>
    /// The base URL as an absolute URI ending in <c>/</c>, so relative paths append to any path prefix.
    /// Only valid after validation.
    /// </summary>
    internal static Uri ToBaseAddress(DomainServiceOptions service)
    {
        var url = service.BaseUrl.EndsWith('/') ? service.BaseUrl : service.BaseUrl + "/";
        return new Uri(url, UriKind.Absolute);
    }
}
