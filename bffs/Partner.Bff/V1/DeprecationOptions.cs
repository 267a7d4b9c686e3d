namespace Partner.Bff.V1;

/// <summary>When v1 was deprecated and when it goes away (configuration section <c>Partner:V1</c>).</summary>
internal sealed class DeprecationOptions
{
    public const string SectionName = "Partner:V1";

    /// <summary><c>Partner:V1:DeprecatedAt</c>: the moment v1 became deprecated (default 2026-01-01T00:00:00Z).</summary>
    public DateTimeOffset DeprecatedAt { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>Partner:V1:SunsetAt</c>: the moment v1 stops answering (default 2027-07-01T00:00:00Z); after <see cref="DeprecatedAt"/>.</summary>
    public DateTimeOffset SunsetAt { get; set; } = new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);
}
