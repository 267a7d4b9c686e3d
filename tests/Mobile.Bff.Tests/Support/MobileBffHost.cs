using Bff.TestSupport.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Mobile.Bff.Tests.Support;

/// <summary>
/// The mobile BFF in-process on a real Kestrel loopback port (timing tests measure real sockets), with its
/// domain services and settings given by the test. Defaults for tests: a 5 s budget (a loaded machine must not
/// turn a slow start into a degraded section), no fresh cache hits (stale copies still kept), no hedging, and
/// circuits that do not open across tests.
/// </summary>
public sealed class MobileBffHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private MobileBffHost(Dictionary<string, string?> settings)
    {
        _settings = settings;
        Port = FreePort.Next();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the BFF with every domain service at <paramref name="services"/> (service name to base URL).</summary>
    public static MobileBffHost Start(EdgeKeys keys, IReadOnlyDictionary<string, Uri> services, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["EdgeIdentity:VerificationKeyPath"] = keys.PublicKeyPath,
            ["DomainServices:Users:BaseUrl"] = services["users"].ToString(),
            ["DomainServices:Orders:BaseUrl"] = services["orders"].ToString(),
            ["DomainServices:Products:BaseUrl"] = services["products"].ToString(),
            ["DomainServices:Reviews:BaseUrl"] = services["reviews"].ToString(),
            ["Resilience:Default:AttemptTimeout"] = "00:00:04.800",
            ["Resilience:Default:TotalTimeout"] = "00:00:05",
            ["Resilience:Default:BreakerMinimumThroughput"] = "100000",
            ["Resilience:Default:BreakerConsecutiveFailures"] = "0",
            ["Mobile:Budgets:Overall"] = "00:00:05",
            ["Mobile:Cache:Ttl"] = "00:00:00",
            ["Mobile:Hedging:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // A port taken between FreePort and the bind, or WebApplicationFactory racing the host's own start on a
        // busy machine, fails the start now and then: a fresh factory on a fresh port is the cure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new MobileBffHost(settings);
            }
            catch (Exception ex) when (attempt < 3 && ex is InvalidOperationException or IOException)
            {
                TestContext.Current.SendDiagnosticMessage($"BFF start attempt {attempt} failed: {ex.Message}");
            }
        }
    }

    /// <summary>Starts the BFF with all four services at one address (WireMock).</summary>
    public static MobileBffHost Start(EdgeKeys keys, Uri allServices, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Start(keys, new Dictionary<string, Uri> { ["users"] = allServices, ["orders"] = allServices, ["products"] = allServices, ["reviews"] = allServices }, overrides);

    /// <summary>A client of the real port with no default headers (the test adds the assertion).</summary>
    public HttpClient CreateRealClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }
}
