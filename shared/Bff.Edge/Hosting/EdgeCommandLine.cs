namespace Bff.Edge.Hosting;

/// <summary>
/// The command line: <c>--config FILE</c> (or env <c>EDGE_CONFIG</c>); quick mode <c>--from URL --to URL</c>
/// (<c>--to</c> may repeat); <c>dev-cert --out PATH [--password P]</c>; <c>--help</c>.
/// </summary>
internal sealed record EdgeCommandLine
{
    public const string Usage = """
        Bff.Edge - the suite's edge gateway (reverse proxy)

          dotnet Bff.Edge.dll [--config FILE]               run with a config file (default: env EDGE_CONFIG)
          dotnet Bff.Edge.dll --from URL --to URL [--to URL] quick mode: proxy everything from one address to the upstream(s)
          dotnet Bff.Edge.dll dev-cert [--out PATH] [--password P]
                                                             write a self-signed localhost certificate (PFX)
        Without arguments it listens on http://127.0.0.1:8080 and https://127.0.0.1:8443.
        """;

    public bool Help { get; init; }

    public bool DevCert { get; init; }

    public string? Out { get; init; }

    public string? Password { get; init; }

    public string? ConfigPath { get; init; }

    public IReadOnlyList<string> From { get; init; } = [];

    public IReadOnlyList<string> To { get; init; } = [];

    public string? Error { get; init; }

    public static EdgeCommandLine Parse(IReadOnlyList<string> args, string? configFromEnvironment)
    {
        var result = new EdgeCommandLine();
        var from = new List<string>();
        var to = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return result with { Help = true };
            }

            if (arg == "dev-cert" && i == 0)
            {
                result = result with { DevCert = true };
                continue;
            }

            if (arg is not ("--config" or "--from" or "--to" or "--out" or "--password"))
            {
                return result with { Error = $"unknown argument '{arg}'" };
            }

            if (i + 1 >= args.Count)
            {
                return result with { Error = $"{arg} needs a value" };
            }

            var value = args[++i];
            result = arg switch
            {
                "--config" => result with { ConfigPath = value },
                "--out" => result with { Out = value },
                "--password" => result with { Password = value },
                _ => result,
            };
            (arg == "--from" ? from : arg == "--to" ? to : null)?.Add(value);
        }

        if (!result.DevCert && (result.Out is not null || result.Password is not null))
        {
            return result with { Error = "--out and --password belong to the dev-cert command" };
        }

        if (from.Count > 0 && to.Count == 0)
        {
            return result with { Error = "--from needs at least one --to" };
        }

        if (to.Count > 0 && result.ConfigPath is not null)
        {
            return result with { Error = "use either --config or --from/--to, not both" };
        }

        if (result.ConfigPath is null && to.Count == 0 && !string.IsNullOrEmpty(configFromEnvironment))
        {
            result = result with { ConfigPath = configFromEnvironment };
        }

        return result with { From = from, To = to };
    }
}
