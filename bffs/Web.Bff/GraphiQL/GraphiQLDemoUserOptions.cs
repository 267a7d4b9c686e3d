namespace Web.Bff.GraphiQL;

/// <summary>The demo user the IDE signs in with (password grant against the identity stub, through the edge).</summary>
internal sealed class GraphiQLDemoUserOptions
{
    /// <summary>Token endpoint as the browser reaches it; default <c>/connect/token</c> (the edge's route to identity).</summary>
    public string TokenEndpoint { get; set; } = "/connect/token";

    /// <summary>OAuth client of the web app; default <c>web-app</c>.</summary>
    public string ClientId { get; set; } = "web-app";

    /// <summary>A seeded user (e.g. <c>demo</c>); required.</summary>
    public string Username { get; set; } = "";

    /// <summary>Its password (seeded, documented in the README; never a real secret); required.</summary>
    public string Password { get; set; } = "";
}
