namespace Web.Bff.GraphiQL;

/// <summary>The GraphiQL IDE at <c>GET /graphql</c> with <c>Accept: text/html</c> (section <c>GraphiQL</c>).</summary>
internal sealed class GraphiQLOptions
{
    public const string SectionName = "GraphiQL";

    /// <summary>Serves the IDE; default false, true in appsettings.Development.json, refused at startup outside Development.</summary>
    public bool Enabled { get; set; }

    /// <summary>A seeded user whose token the page can fetch with one click (Development only); none by default.</summary>
    public GraphiQLDemoUserOptions? DemoUser { get; set; }
}
