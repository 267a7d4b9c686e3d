namespace Mobile.Bff.Home;

/// <summary>What the home screen shows (configuration section <c>Mobile:Home</c>).</summary>
public sealed class HomeOptions
{
    public const string SectionName = "Mobile:Home";

    /// <summary>Most recent orders shown. Default 3; 1..20.</summary>
    public int RecentOrders { get; set; } = 3;

    /// <summary>Recommended products shown. Default 4; 1..20.</summary>
    public int Recommendations { get; set; } = 4;
}
