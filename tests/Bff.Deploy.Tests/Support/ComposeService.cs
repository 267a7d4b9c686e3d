using System.Globalization;

namespace Bff.Deploy.Tests.Support;

/// <summary>One service of <c>docker-compose.yml</c>, with the fields the tests look at.</summary>
internal sealed record ComposeService(
    string Name,
    string? Image,
    string? BuildContext,
    string? Dockerfile,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<PublishedPort> Ports,
    IReadOnlyList<VolumeMount> Volumes,
    IReadOnlyDictionary<string, string> DependsOn,
    bool HasOwnHealthcheck,
    TimeSpan? StopGracePeriod,
    int Replicas)
{
    /// <summary>The port the app listens on inside the container, from <c>URLS</c> (<c>http://+:5101</c>); null without it.</summary>
    public int? UrlsPort =>
        Environment.TryGetValue("URLS", out var urls) ? int.Parse(urls[(urls.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture) : null;

    /// <summary>The Dockerfile's path from the repository root (build context joined with the dockerfile).</summary>
    public string? DockerfilePath =>
        BuildContext is null ? null : Path.GetRelativePath(".", Path.Combine(BuildContext, Dockerfile ?? "Dockerfile")).Replace('\\', '/');

    public static ComposeService From(string name, Dictionary<object, object> node)
    {
        string? context = null;
        string? dockerfile = null;
        switch (node.GetValueOrDefault("build"))
        {
            case string text:
                context = text;
                break;
            case Dictionary<object, object> build:
                context = build.String("context");
                dockerfile = build.String("dockerfile");
                break;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node.GetValueOrDefault("environment"))
        {
            case Dictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    environment[(string)key] = value as string ?? string.Empty;
                }

                break;
            case List<object> list:
                foreach (var entry in list.Cast<string>())
                {
                    var equals = entry.IndexOf('=', StringComparison.Ordinal);
                    environment[equals < 0 ? entry : entry[..equals]] = equals < 0 ? string.Empty : entry[(equals + 1)..];
                }

                break;
        }

        var dependsOn = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node.GetValueOrDefault("depends_on"))
        {
            case Dictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    dependsOn[(string)key] = (value as Dictionary<object, object>)?.String("condition") ?? "service_started";
                }

                break;
            case List<object> list:
                foreach (var entry in list.Cast<string>())
                {
                    dependsOn[entry] = "service_started";
                }

                break;
        }

        return new ComposeService(
            name,
            node.String("image"),
            context,
            dockerfile,
            node.List("command").Cast<string>().ToArray(),
            environment,
            node.List("ports").Cast<string>().Select(PublishedPort.Parse).ToArray(),
            node.List("volumes").Cast<string>().Select(VolumeMount.Parse).ToArray(),
            dependsOn,
            node.OptionalMap("healthcheck")?.ContainsKey("test") == true,
            node.String("stop_grace_period") is { } grace ? Duration(grace) : null,
            node.OptionalMap("deploy")?.String("replicas") is { } replicas ? int.Parse(replicas, CultureInfo.InvariantCulture) : 1);
    }

    // Compose durations as this file writes them: 30s, 2m, 1m30s.
    private static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(text, "([0-9]+)(ms|s|m|h)"))
        {
            var value = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }
}
