namespace Mobile.Bff.Http;

/// <summary>What a request may carry (configuration section <c>Mobile:Requests</c>).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Mobile:Requests";

    /// <summary>Longest query string, <c>?</c> included, in characters. Default 2,048; 1..8,192.</summary>
    public int MaxQueryLength { get; set; } = 2048;

    /// <summary>Most query parameters. Default 16; 0..1,000.</summary>
    public int MaxQueryParameters { get; set; } = 16;
}
