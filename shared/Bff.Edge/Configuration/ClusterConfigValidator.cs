using Bff.Edge.LoadBalancing;

namespace Bff.Edge.Configuration;

/// <summary>Checks one entry of <c>Clusters</c>.</summary>
internal static class ClusterConfigValidator
{
    public static void Validate(string id, ClusterConfig cluster, List<string> errors)
    {
        var key = $"Clusters.{id}";
        if (cluster.LoadBalancingPolicy is { } policy && !LoadBalancingPolicies.IsKnown(policy))
        {
            errors.Add($"{key}.LoadBalancingPolicy: '{policy}' is not one of {string.Join(", ", LoadBalancingPolicies.Names)}");
        }

        if (cluster.HttpVersion is not (null or "1.1" or "2" or "2.0"))
        {
            errors.Add($"{key}.HttpVersion: '{cluster.HttpVersion}' must be \"1.1\" or \"2\"");
        }

        if (cluster.Destinations is null || cluster.Destinations.Count == 0)
        {
            errors.Add($"{key}.Destinations: at least one destination is required");
        }
        else
        {
            var totalWeight = 0L;
            foreach (var (destinationId, destination) in cluster.Destinations)
            {
                var destinationKey = $"{key}.Destinations.{destinationId}";
                if (!IsUpstreamAddress(destination.Address))
                {
                    errors.Add($"{destinationKey}.Address: '{destination.Address}' must be an absolute http:// or https:// URL without query or fragment");
                }

                if (destination.Weight < 0)
                {
                    errors.Add($"{destinationKey}.Weight: must be 0 or positive (got {destination.Weight})");
                }

                totalWeight += Math.Max(0, destination.Weight);
            }

            if (totalWeight == 0)
            {
                errors.Add($"{key}.Destinations: at least one destination needs a positive Weight");
            }
        }

        var active = cluster.HealthCheck.Active;
        if (active.Enabled)
        {
            ServerConfigValidator.RequirePositive(active.Interval, $"{key}.HealthCheck.Active.Interval", errors);
            ServerConfigValidator.RequirePositive(active.Timeout, $"{key}.HealthCheck.Active.Timeout", errors);
            if (!active.Path.StartsWith('/'))
            {
                errors.Add($"{key}.HealthCheck.Active.Path: '{active.Path}' must start with '/'");
            }
        }

        var passive = cluster.HealthCheck.Passive;
        if (passive.Enabled)
        {
            ServerConfigValidator.RequirePositive(passive.ConsecutiveFailures, $"{key}.HealthCheck.Passive.ConsecutiveFailures", errors);
            ServerConfigValidator.RequirePositive(passive.ReactivationPeriod, $"{key}.HealthCheck.Passive.ReactivationPeriod", errors);
        }
    }

    private static bool IsUpstreamAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo);
}
