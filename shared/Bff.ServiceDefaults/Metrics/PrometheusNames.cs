using System.Text;

namespace Bff.ServiceDefaults.Metrics;

/// <summary>Turns OpenTelemetry instrument names into Prometheus metric and label names.</summary>
internal static class PrometheusNames
{
    public static string MetricName(string name, string? unit, bool isCounter)
    {
        var result = new StringBuilder(name.Length + 16);
        AppendSanitized(result, name);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            result.Append('_').Append(suffix);
        }

        if (isCounter)
        {
            result.Append("_total");
        }

        return result.ToString();
    }

    public static string LabelName(string key)
    {
        var result = new StringBuilder(key.Length);
        AppendSanitized(result, key);
        return result.ToString();
    }

    public static void AppendLabelValue(StringBuilder text, string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append("\\n"),
                _ => text.Append(c),
            };
        }
    }

    public static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // UCUM units as OpenTelemetry semantic conventions use them; annotations such as {request} carry no suffix.
    private static string UnitSuffix(string? unit) => unit switch
    {
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        "1" => "ratio",
        _ => string.Empty,
    };

    private static void AppendSanitized(StringBuilder result, string name)
    {
        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (result.Length > 0 && char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, '_');
        }
    }
}
