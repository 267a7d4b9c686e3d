using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Haproxy;

/// <summary>deploy/haproxy/haproxy.cfg: an L4 balancer over every edge replica, taking out the ones not ready.</summary>
public sealed class HaproxyConfigTests
{
    private static readonly HaproxyConfig Config = HaproxyConfig.Load(RepoFiles.HaproxyConfig);

    [Fact]
    public void Traffic_is_balanced_in_tcp_mode_so_tls_passes_through_to_the_edges()
    {
        Assert.Contains("mode tcp", Config.Defaults);
        foreach (var (_, lines) in Config.Backends.Concat(Config.Frontends).Where(s => s.Name != "stats"))
        {
            Assert.DoesNotContain(lines, l => l.StartsWith("mode ", StringComparison.Ordinal) && l != "mode tcp");
            Assert.DoesNotContain(lines, l => l.Split(' ').Contains("ssl"));
        }
    }

    [Theory]
    [InlineData(8080)]
    [InlineData(8443)]
    public void Each_published_port_has_a_frontend_leading_to_a_backend_of_every_edge_replica_on_that_port(int port)
    {
        var frontend = Assert.Single(Config.Frontends, f => f.Lines.Contains($"bind :{port}"));
        var backendName = Assert.Single(frontend.Lines, l => l.StartsWith("default_backend ", StringComparison.Ordinal))["default_backend ".Length..];
        var backend = Assert.Single(Config.Backends, b => b.Name == backendName);
        var servers = backend.Lines.Where(l => l.StartsWith("server ", StringComparison.Ordinal)).ToArray();

        var edges = ComposeFile.Instance.EdgeReplicas.Select(e => e.Name).ToArray();
        Assert.Equal(edges, servers.Select(s => s.Split(' ')[1]).Order(StringComparer.Ordinal));
        foreach (var edge in edges)
        {
            var server = Assert.Single(servers, s => s.Split(' ')[1] == edge);
            Assert.Equal($"{edge}:{port}", server.Split(' ')[2]);
            Assert.Contains(" check", server, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_edge_that_is_down_or_moved_neither_stops_haproxy_nor_keeps_its_old_address()
    {
        var defaultServer = Assert.Single(Config.Defaults, l => l.StartsWith("default-server ", StringComparison.Ordinal));

        Assert.Contains("init-addr last,libc,none", defaultServer, StringComparison.Ordinal);
        Assert.Contains("resolvers docker", defaultServer, StringComparison.Ordinal);
        Assert.Contains("fall 2", defaultServer, StringComparison.Ordinal);
        Assert.Contains("rise 2", defaultServer, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_edge_is_checked_on_its_plain_http_port_with_GET_readyz_expecting_200()
    {
        foreach (var (name, lines) in Config.Backends)
        {
            Assert.Contains("option httpchk", lines);
            Assert.Contains(lines, l => l.StartsWith("http-check send meth GET uri /readyz", StringComparison.Ordinal));
            Assert.Contains("http-check expect status 200", lines);
            foreach (var server in lines.Where(l => l.StartsWith("server ", StringComparison.Ordinal)))
            {
                // The TLS port is checked through the plain one: haproxy in TCP mode speaks no TLS itself.
                Assert.True(server.Split(' ')[2].EndsWith(":8080", StringComparison.Ordinal) || server.Contains("check port 8080", StringComparison.Ordinal), $"{name}: '{server}' is not checked on 8080");
            }
        }
    }

    [Fact]
    public void A_stopping_edge_keeps_serving_until_haproxy_has_taken_it_out()
    {
        var words = Assert.Single(Config.Defaults, l => l.StartsWith("default-server ", StringComparison.Ordinal)).Split(' ');
        var inter = TimeSpan.FromSeconds(int.Parse(words[Array.IndexOf(words, "inter") + 1].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture));
        var fall = int.Parse(words[Array.IndexOf(words, "fall") + 1], System.Globalization.CultureInfo.InvariantCulture);
        var delay = TimeSpan.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!["Server"]!["ShutdownDelay"]!, System.Globalization.CultureInfo.InvariantCulture);

        // /readyz turns 503 at SIGTERM; haproxy needs `fall` failed checks, the first up to one interval away.
        Assert.True(delay > (inter * fall) + inter, $"Server.ShutdownDelay {delay} does not outlast {fall} checks every {inter}");
    }

    [Fact]
    public async Task Haproxy_itself_accepts_the_config()
    {
        var run = await ToolRun.RunAsync("haproxy", ["-c", "-f", RepoFiles.Full(RepoFiles.HaproxyConfig)]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Configuration file is valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_mounts_this_config_into_the_haproxy_service_read_only()
    {
        var haproxy = ComposeFile.Instance["haproxy"];

        var mount = Assert.Single(haproxy.Volumes, v => v.Source == "./" + RepoFiles.HaproxyConfig);
        Assert.Equal("/usr/local/etc/haproxy/haproxy.cfg", mount.Target);
        Assert.True(mount.ReadOnly);
        Assert.All(ComposeFile.Instance.EdgeReplicas, edge => Assert.Contains(edge.Name, haproxy.DependsOn.Keys));
    }
}
