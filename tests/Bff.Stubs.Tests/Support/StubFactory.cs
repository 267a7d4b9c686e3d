using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Bff.TestSupport.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stubs.Tests.Support;

/// <summary>One stub service in process; the service is chosen through <c>Stub:Service</c> as in production.</summary>
public class StubFactory(string service, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>A clock the test moves by hand; null leaves the system clock in place.</summary>
    public ManualTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Stub:Service", service);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

public sealed class UsersStub() : StubFactory("users");

public sealed class OrdersStub() : StubFactory("orders");

public sealed class ProductsStub() : StubFactory("products");

public sealed class ReviewsStub() : StubFactory("reviews");

public sealed class IdentityStub() : StubFactory("identity", new Dictionary<string, string> { ["Identity:RotationDelaySeconds"] = "0" });
