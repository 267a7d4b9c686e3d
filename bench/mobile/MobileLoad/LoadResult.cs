using System.Globalization;

namespace MobileLoad;

/// <summary>One scenario's figures.</summary>
internal sealed record LoadResult(string Name, int Requests, string Outcomes, double P50, double P99, double Throughput)
{
    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Outcomes} | {P50:F1} | {P99:F1} | {Throughput:F0} |");
}
