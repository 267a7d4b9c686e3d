using Bff.TestSupport.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Partner.Bff.Tests.Support;

/// <summary>The partner BFF in-process on a real Kestrel loopback port, with its domain services given by the test.</summary>
public sealed class PartnerBffHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private PartnerBffHost(Dictionary<string, string?> settings)
    {
        _settings = settings;
        Port = FreePort.Next();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static PartnerBffHost Start(EdgeKeys keys, Uri orders, Uri products, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["EdgeIdentity:VerificationKeyPath"] = keys.PublicKeyPath,
            ["DomainServices:Users:BaseUrl"] = orders.ToString(),
            ["DomainServices:Orders:BaseUrl"] = orders.ToString(),
            ["DomainServices:Products:BaseUrl"] = products.ToString(),
            ["DomainServices:Reviews:BaseUrl"] = products.ToString(),
            ["Resilience:Default:AttemptTimeout"] = "00:00:09",
            ["Resilience:Default:TotalTimeout"] = "00:00:10",
            ["Resilience:Default:BreakerMinimumThroughput"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new PartnerBffHost(settings);
            }
            catch (Exception ex) when (attempt < 3 && ex is InvalidOperationException or IOException)
            {
                TestContext.Current.SendDiagnosticMessage($"BFF start attempt {attempt} failed: {ex.Message}");
            }
        }
    }

    public HttpClient CreateRealClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }
}
