using System.Diagnostics.Metrics;
using Mobile.Bff.Sections;

namespace Mobile.Bff.Metrics;

/// <summary>
/// The <c>Bff.Mobile</c> meter (exported on <c>/metrics</c> like every <c>Bff.*</c> meter):
/// <list type="bullet">
/// <item><c>bff_mobile_screen_completeness_ratio</c> (histogram, label <c>screen</c>): share of a screen's sections served fresh;</item>
/// <item><c>bff_mobile_sections_total</c> (labels <c>screen</c>, <c>section</c>, <c>state</c>): sections served by state;</item>
/// </list>
/// </summary>
internal sealed class MobileMetrics
{
    public const string MeterName = "Bff.Mobile";

    private static readonly double[] CompletenessBuckets = [0, 0.25, 0.5, 0.75, 0.99, 1];

    private readonly Histogram<double> _completeness;
    private readonly Counter<long> _sections;

    public MobileMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _completeness = meter.CreateHistogram(
            "bff.mobile.screen.completeness",
            unit: "1",
            description: "Share of a screen's sections served fresh (1 = complete, 0 = nothing fresh).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CompletenessBuckets });
        _sections = meter.CreateCounter<long>("bff.mobile.sections", description: "Sections served, by screen, section and state (ok, stale, missing).");
    }

    public void RecordScreen(string screen, IReadOnlyDictionary<string, SectionState> sections)
    {
        var fresh = 0;
        foreach (var (section, state) in sections)
        {
            fresh += state == SectionState.Ok ? 1 : 0;
            _sections.Add(1, new("screen", screen), new("section", section), new("state", StateName(state)));
        }

        _completeness.Record(sections.Count == 0 ? 1 : (double)fresh / sections.Count, new KeyValuePair<string, object?>("screen", screen));
    }

    private static string StateName(SectionState state) => state switch
    {
        SectionState.Ok => "ok",
        SectionState.Stale => "stale",
        _ => "missing",
    };
}
