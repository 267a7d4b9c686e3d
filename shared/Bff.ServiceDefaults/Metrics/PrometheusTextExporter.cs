using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Bff.ServiceDefaults.Metrics;

/// <summary>
/// Writes the metrics a pull reader collects in the Prometheus text exposition format (version 0.0.4).
/// The OpenTelemetry Prometheus exporters are not served here, so the format is written in the project.
/// </summary>
internal sealed class PrometheusTextExporter : BaseExporter<Metric>
{
    private StringBuilder? _target;

    /// <summary>Collects into <paramref name="target"/>; scrapes are serialized by the caller.</summary>
    public void BeginScrape(StringBuilder target) => _target = target;

    public void EndScrape() => _target = null;

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var text = _target;
        if (text is null)
        {
            return ExportResult.Success;
        }

        foreach (var metric in batch)
        {
            WriteMetric(text, metric);
        }

        return ExportResult.Success;
    }

    private static void WriteMetric(StringBuilder text, Metric metric)
    {
        var isCounter = metric.MetricType is MetricType.LongSum or MetricType.DoubleSum;
        var isHistogram = metric.MetricType == MetricType.Histogram;
        var name = PrometheusNames.MetricName(metric.Name, metric.Unit, isCounter);
        var type = isCounter ? "counter" : isHistogram ? "histogram" : "gauge";

        if (!string.IsNullOrEmpty(metric.Description))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(PrometheusNames.EscapeHelp(metric.Description)).Append('\n');
        }

        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            if (isHistogram)
            {
                WriteHistogram(text, name, point);
                continue;
            }

            var value = metric.MetricType switch
            {
                MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                MetricType.LongGauge => point.GetGaugeLastValueLong(),
                MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                _ => double.NaN,
            };
            if (double.IsNaN(value))
            {
                continue;
            }

            text.Append(name);
            WriteLabels(text, point.Tags, null);
            text.Append(' ').Append(FormatValue(value)).Append('\n');
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, in MetricPoint point)
    {
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            var bound = double.IsPositiveInfinity(bucket.ExplicitBound) ? "+Inf" : FormatValue(bucket.ExplicitBound);
            text.Append(name).Append("_bucket");
            WriteLabels(text, point.Tags, bound);
            text.Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append(name).Append("_sum");
        WriteLabels(text, point.Tags, null);
        text.Append(' ').Append(FormatValue(point.GetHistogramSum())).Append('\n');
        text.Append(name).Append("_count");
        WriteLabels(text, point.Tags, null);
        text.Append(' ').Append(point.GetHistogramCount().ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void WriteLabels(StringBuilder text, ReadOnlyTagCollection tags, string? le)
    {
        if (tags.Count == 0 && le is null)
        {
            return;
        }

        text.Append('{');
        var first = true;
        foreach (var tag in tags)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(PrometheusNames.LabelName(tag.Key)).Append("=\"");
            PrometheusNames.AppendLabelValue(text, Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
            text.Append('"');
        }

        if (le is not null)
        {
            text.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
        }

        text.Append('}');
    }

    private static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
