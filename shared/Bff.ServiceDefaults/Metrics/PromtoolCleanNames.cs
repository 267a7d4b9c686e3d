using OpenTelemetry.Metrics;

namespace Bff.ServiceDefaults.Metrics;

/// <summary>
/// Renames the runtime's gauges whose Prometheus names end in <c>_count</c>, a suffix Prometheus keeps for
/// histograms and summaries (<c>promtool check metrics</c> warns on each). Same value, a name that lints clean.
/// </summary>
internal static class PromtoolCleanNames
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.thread_pool.thread.count"] = "dotnet.thread_pool.threads",
        ["dotnet.timer.count"] = "dotnet.timers.active",
    };

    public static MeterProviderBuilder AddPromtoolCleanNames(this MeterProviderBuilder metrics)
    {
        foreach (var (name, rename) in Renames)
        {
            metrics.AddView(name, rename);
        }

        return metrics;
    }
}
