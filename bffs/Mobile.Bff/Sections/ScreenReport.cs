using Mobile.Bff.Metrics;

namespace Mobile.Bff.Sections;

/// <summary>Collects the state of each section of one screen, in the order the screen lists them.</summary>
internal sealed class ScreenReport(string screen)
{
    private readonly Dictionary<string, SectionState> _sections = new(StringComparer.Ordinal);

    public string Screen => screen;

    public IReadOnlyDictionary<string, SectionState> Sections => _sections;

    /// <summary>Every section not served fresh, stale ones included: the app may show a hint for them.</summary>
    public IReadOnlyList<string> Degraded => [.. _sections.Where(s => s.Value != SectionState.Ok).Select(s => s.Key)];

    /// <summary>Notes the section's state and gives its value (null when missing).</summary>
    public T? Add<T>(string section, Section<T> outcome)
        where T : class
    {
        _sections[section] = outcome.State;
        return outcome.Value;
    }

    /// <summary>Notes a section that was not even tried (its input, from another section, is missing).</summary>
    public void AddMissing(string section) => _sections[section] = SectionState.Missing;

    public void Record(MobileMetrics metrics) => metrics.RecordScreen(screen, _sections);
}
