using Bff.TestSupport.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Web.Bff.Tests.Support;

/// <summary>
/// The web BFF in-process on a real Kestrel loopback port, with its domain services and settings given by the test.
/// Test defaults: generous timeouts (a loaded machine must not turn a slow start into an error) and circuits that
/// do not open across tests.
/// </summary>
public sealed class WebBffHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    private WebBffHost(Dictionary<string, string?> settings, string environment)
    {
        _settings = settings;
        _environment = environment;
        Port = FreePort.Next();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the BFF with every domain service at <paramref name="services"/> (service name to base URL).</summary>
    public static WebBffHost Start(EdgeKeys keys, IReadOnlyDictionary<string, Uri> services, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development")
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
            ["GraphQL:ExecutionTimeout"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // A port taken between FreePort and the bind fails the start now and then: a fresh factory on a fresh port is the cure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new WebBffHost(settings, environment);
            }
            catch (Exception ex) when (attempt < 3 && ex is InvalidOperationException or IOException)
            {
                TestContext.Current.SendDiagnosticMessage($"BFF start attempt {attempt} failed: {ex.Message}");
            }
        }
    }

    /// <summary>Starts the BFF with all four services at one address (WireMock).</summary>
    public static WebBffHost Start(EdgeKeys keys, Uri allServices, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Start(keys, new Dictionary<string, Uri> { ["users"] = allServices, ["orders"] = allServices, ["products"] = allServices, ["reviews"] = allServices }, overrides);

    /// <summary>A client of the real port with no default headers (the test adds the assertion).</summary>
    public HttpClient CreateRealClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }
}
