// Load run of GET /mobile/home on loopback: the stubs and the BFF as real processes, every stub at 50 ms.
// Usage: dotnet MobileLoad.dll [seconds per scenario = 10] [concurrency = 4]
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Bff.Contracts;
using Bff.Contracts.Stubs;
using Bff.ServiceDefaults.Identity;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;
using MobileLoad;

var loadBefore = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var duration = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 120));
concurrency = Math.Clamp(concurrency, 1, 64);
string[] services = ["users", "orders", "products", "reviews"];

using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var keyFolder = Directory.CreateTempSubdirectory("mobile-load-").FullName;
var publicKey = Path.Combine(keyFolder, "edge-identity.pub.pem");
await File.WriteAllTextAsync(publicKey, key.ExportSubjectPublicKeyInfoPem());

var stubs = new Dictionary<string, ServiceProcess>(StringComparer.Ordinal);
ServiceProcess? bff = null;
try
{
    foreach (var service in services)
    {
        stubs[service] = await ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Bff.Stubs"), ["--service", service],
            new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) });
    }

    bff = await ServiceProcess.StartDotnetAsync(RepoPaths.SiblingDll("Mobile.Bff"),
    [
        "--EdgeIdentity:VerificationKeyPath=" + publicKey,
        "--DomainServices:Users:BaseUrl=" + stubs["users"].BaseAddress,
        "--DomainServices:Orders:BaseUrl=" + stubs["orders"].BaseAddress,
        "--DomainServices:Products:BaseUrl=" + stubs["products"].BaseAddress,
        "--DomainServices:Reviews:BaseUrl=" + stubs["reviews"].BaseAddress,
        "--Logging:LogLevel:Default=Error",
    ], new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) });

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };
    // Tokens live a minute at most: re-signed every 30 s, as the edge reuses one for half its lifetime.
    var signingKey = EdgeIdentityToken.SecurityKey(key);
    var identity = new EdgeIdentity("1", "mobile-app", ["openid"], null);
    Tuple<string, DateTimeOffset>? issued = null; // a reference, swapped whole: the load loops read it concurrently
    string Assertion()
    {
        var now = DateTimeOffset.UtcNow;
        var current = issued;
        if (current is null || now >= current.Item2)
        {
            current = Tuple.Create(EdgeIdentityToken.Create(identity, "mobile-bff", now, TimeSpan.FromMinutes(1), signingKey), now + TimeSpan.FromSeconds(30));
            issued = current;
        }

        return current.Item1;
    }

    var home = new Uri(bff.BaseAddress, "mobile/home");

    async Task<string> ViaBff(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, home);
        request.Headers.Add(EdgeIdentityToken.HeaderName, Assertion());
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var degraded = body.GetProperty("degraded").EnumerateArray().Select(d => d.GetString()).ToList();
        return degraded.Count == 0 ? "complete" : "without " + string.Join('+', degraded);
    }

    // What the app would do without a BFF: the five calls of the home screen one after another.
    async Task<string> OneAfterAnother(CancellationToken ct)
    {
        var ok = true;
        foreach (var (service, path) in new[]
        {
            ("users", "users/1"), ("users", "users/1/notifications/unread-count"), ("orders", "orders/recent?userId=1&limit=3"),
            ("products", "products/recommended?userId=1&limit=4"),
        })
        {
            using var response = await http.GetAsync(new Uri(stubs[service].BaseAddress, path), ct);
            ok &= response.IsSuccessStatusCode;
            if (service == "products")
            {
                var recommended = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                var ids = string.Join(',', recommended.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
                using var ratings = await http.GetAsync(new Uri(stubs["reviews"].BaseAddress, "reviews/summary?productIds=" + ids), ct);
                ok &= ratings.IsSuccessStatusCode;
            }
        }

        return ok ? "complete" : "failed";
    }

    // One dependency alone, measured on the same machine at the same time: the yardstick of the p50 goal.
    async Task<string> OneDependency(CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(stubs["products"].BaseAddress, "products/recommended?userId=1&limit=4"), ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return response.IsSuccessStatusCode ? "complete" : "failed";
    }

    async Task SetFaultAsync(string service, FaultSettings fault)
    {
        using var response = await http.PostAsJsonAsync(new Uri(stubs[service].BaseAddress, "_stub/faults"), fault, ContractsJsonContext.Default.FaultSettings);
        response.EnsureSuccessStatusCode();
    }

    // Sizes of a complete screen (degraded ones are smaller): retried until all three answers are complete.
    async Task<(int Plain, int Br, int Gzip)> SizesAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var sizes = new List<int>();
            foreach (var encoding in new string?[] { null, "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, home);
                request.Headers.Add(EdgeIdentityToken.HeaderName, Assertion());
                using var plainRequest = new HttpRequestMessage(HttpMethod.Get, home);
                plainRequest.Headers.Add(EdgeIdentityToken.HeaderName, Assertion());
                if (encoding is not null)
                {
                    request.Headers.AcceptEncoding.ParseAdd(encoding);
                }

                using var response = await http.SendAsync(request);
                var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                using var check = await http.SendAsync(plainRequest);
                var complete = check.StatusCode == HttpStatusCode.OK
                    && (await check.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("degraded").GetArrayLength() == 0;
                sizes.Add(complete || attempt >= 20 ? bytes : -1);
            }

            if (!sizes.Contains(-1))
            {
                return (sizes[0], sizes[1], sizes[2]);
            }

            await Task.Delay(500);
        }
    }

    foreach (var service in services)
    {
        await SetFaultAsync(service, new FaultSettings(LatencyMs: 50));
    }

    await LoadLoop.RunAsync("warm-up", concurrency, TimeSpan.FromSeconds(3), ViaBff);
    await LoadLoop.RunAsync("warm-up", concurrency, TimeSpan.FromSeconds(2), OneAfterAnother);
    var (plain, br, gzip) = await SizesAsync();
    var results = new List<LoadResult>
    {
        await LoadLoop.RunAsync("/mobile/home via the BFF (stubs at 50 ms)", concurrency, duration, ViaBff),
        await LoadLoop.RunAsync("same screen, 5 calls one after another (no BFF)", concurrency, duration, OneAfterAnother),
        await LoadLoop.RunAsync("one dependency alone (products/recommended)", concurrency, duration, OneDependency),
    };
    await SetFaultAsync("products", new FaultSettings(Hang: true));
    results.Add(await LoadLoop.RunAsync("/mobile/home via the BFF, products hanging", concurrency, duration, ViaBff));
    await SetFaultAsync("products", new FaultSettings(LatencyMs: 50));

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loopback, {concurrency} concurrent clients, {duration.TotalSeconds:F0} s per scenario, {Environment.ProcessorCount} cores, load average before the run {loadBefore}."));
    Console.WriteLine();
    Console.WriteLine("| scenario | requests | outcomes | p50 ms | p99 ms | req/s |");
    Console.WriteLine("|---|---:|---|---:|---:|---:|");
    foreach (var result in results)
    {
        Console.WriteLine(result.ToRow());
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/mobile/home body, complete: {plain} bytes plain, {br} bytes br, {gzip} bytes gzip."));
}
finally
{
    if (bff is not null)
    {
        await bff.DisposeAsync();
    }

    foreach (var stub in stubs.Values)
    {
        await stub.DisposeAsync();
    }

    Directory.Delete(keyFolder, recursive: true);
}
