using System.Net;

namespace Bff.Edge.Hosting;

/// <summary>A parsed listen URL: scheme, IP (or localhost) and port.</summary>
internal sealed record ListenAddress(bool Https, IPAddress? Address, int Port)
{
    /// <summary>True for <c>localhost</c>: Kestrel then binds both loopback addresses.</summary>
    public bool IsLocalhost => Address is null;

    public static bool TryParse(string url, out ListenAddress? address, out string? error)
    {
        address = null;
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{url}' must look like http://127.0.0.1:8080 or https://127.0.0.1:8443";
            return false;
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            error = $"'{url}' must not have a path or query";
            return false;
        }

        IPAddress? ip = null;
        if (!string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out ip))
        {
            error = $"'{url}': host must be an IP address or localhost";
            return false;
        }

        address = new ListenAddress(uri.Scheme == Uri.UriSchemeHttps, ip, uri.Port);
        return true;
    }
}
