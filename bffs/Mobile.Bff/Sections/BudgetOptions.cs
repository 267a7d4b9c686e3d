namespace Mobile.Bff.Sections;

/// <summary>Time budgets of a screen (configuration section <c>Mobile:Budgets</c>).</summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Mobile:Budgets";

    /// <summary>End-to-end budget of one screen: every section has answered or been left out by then. Default 300 ms; 10 ms..1 minute.</summary>
    public TimeSpan Overall { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Budget of one section by name (<c>Mobile:Budgets:Sections:orders</c>), counted from the start of the screen and
    /// capped by <see cref="Overall"/>; a section not listed gets <see cref="Overall"/>.
    /// </summary>
    public IDictionary<string, TimeSpan> Sections { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>Retry-After</c> of a 503 sent when a core section failed. Default 5 s; 1 s..1 hour.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
