using System.Text;
using OpenTelemetry.Metrics;

namespace Bff.ServiceDefaults.Metrics;

/// <summary>Serves <c>GET /metrics</c>: one collection of the pull reader per scrape.</summary>
internal sealed class PrometheusScrapeEndpoint(MetricReader reader, PrometheusTextExporter exporter)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Scrapes are rare next to requests; one at a time keeps the exporter's target simple.
    private readonly Lock _scrapeLock = new();

    public string Scrape()
    {
        var text = new StringBuilder(16 * 1024);
        lock (_scrapeLock)
        {
            exporter.BeginScrape(text);
            try
            {
                reader.Collect();
            }
            finally
            {
                exporter.EndScrape();
            }
        }

        return text.ToString();
    }
}
