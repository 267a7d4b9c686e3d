using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Integration;

/// <summary>What a phone on a slow network saves: 304 on an unchanged screen, and compressed bodies.</summary>
public sealed class EconomicsTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Unchanged_home_answers_304_to_its_ETag()
    {
        using var first = await GetAsync("/mobile/home");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak, "the tag covers the JSON whatever its content coding");
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        using var again = Get("/mobile/home", Keys.Sign());
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(again, Token);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Another_ETag_gets_the_full_body()
    {
        using var request = Get("/mobile/products/1", Keys.Sign());
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\"", isWeak: true));

        using var response = await Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Home_is_compressed_when_the_app_accepts_it(string encoding)
    {
        using var plainRequest = Get("/mobile/home", Keys.Sign());
        using var plain = await Client.SendAsync(plainRequest, Token);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(Token);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var request = Get("/mobile/home", Keys.Sign());
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync(Token);
        await using var decoder = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var document = await JsonDocument.ParseAsync(decoder, cancellationToken: Token);
        Assert.Empty(Degraded(document.RootElement));
        Assert.True(compressed.Length < plainBytes.Length, $"{encoding}: {compressed.Length} bytes vs {plainBytes.Length} plain");
        TestContext.Current.SendDiagnosticMessage($"/mobile/home: {plainBytes.Length} bytes plain, {compressed.Length} bytes {encoding}");
    }
}
