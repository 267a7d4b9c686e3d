namespace Web.Bff.Http;

/// <summary>Who may call this BFF (section <c>Web</c>).</summary>
internal sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>OAuth clients whose users may call (default: <c>web-app</c> only); others get 403.</summary>
    public IList<string> AllowedClients { get; } = [];
}
