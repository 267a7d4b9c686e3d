using System.Text.Json;

namespace Web.Bff.GraphiQL;

/// <summary>The IDE's HTML: GraphiQL and React from <see cref="AssetsPath"/> on this BFF (no CDN), settings as JSON data.</summary>
internal static class GraphiQLPage
{
    public const string AssetsPath = "/graphql/ide";

    /// <summary>Only this BFF's scripts; GraphiQL and CodeMirror set inline styles and embed fonts and icons as data URIs.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(string endpoint, GraphiQLDemoUserOptions? demo)
    {
        var settings = JsonSerializer.Serialize(new
        {
            endpoint,
            defaultQuery = "# Paste a token above (or use the demo user), then run:\n{\n  viewer {\n    profile {\n      displayName\n    }\n  }\n}\n",
            demo = demo is null ? null : new { demo.TokenEndpoint, demo.ClientId, demo.Username, demo.Password },
        }, JsonSerializerOptions.Web);

        // The default encoder escapes <, > and &, so the JSON cannot close the script element.
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>GraphiQL - web BFF</title>
              <link rel="stylesheet" href="{{AssetsPath}}/graphiql.min.css">
              <link rel="stylesheet" href="{{AssetsPath}}/graphiql-page.css">
            </head>
            <body>
              <header class="bff-token-bar">
                <label for="bff-token">Bearer token</label>
                <input id="bff-token" type="password" autocomplete="off" placeholder="an access token of the web-app client">
                <button id="bff-demo-token" type="button" hidden></button>
                <span id="bff-token-status" role="status"></span>
              </header>
              <div id="graphiql"></div>
              <script id="bff-settings" type="application/json">{{settings}}</script>
              <script src="{{AssetsPath}}/react.production.min.js"></script>
              <script src="{{AssetsPath}}/react-dom.production.min.js"></script>
              <script src="{{AssetsPath}}/graphiql.min.js"></script>
              <script src="{{AssetsPath}}/graphiql-page.js"></script>
            </body>
            </html>
            """;
    }
}
