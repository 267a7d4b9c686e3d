using System.Globalization;

namespace Bff.Deploy.Tests.Support;

/// <summary>One entry of a compose service's <c>ports</c>: <c>[host_ip:]host_port:container_port[/protocol]</c>.</summary>
internal sealed record PublishedPort(string? HostIp, int HostPort, int ContainerPort)
{
    public static PublishedPort Parse(string text)
    {
        var parts = text.Split('/')[0].Split(':');
        return parts.Length switch
        {
            2 => new PublishedPort(null, Port(parts[0]), Port(parts[1])),
            3 => new PublishedPort(parts[0], Port(parts[1]), Port(parts[2])),
            _ => throw new InvalidDataException($"port '{text}' is not [host_ip:]host_port:container_port"),
        };
    }

    private static int Port(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
