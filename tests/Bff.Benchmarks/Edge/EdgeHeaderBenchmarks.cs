using System.Net;
using BenchmarkDotNet.Attributes;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;

namespace Bff.Benchmarks.Edge;

/// <summary>
/// Header work per forwarded request: copying a browser-like request's headers onto the upstream request (hop-by-hop
/// rules), adding X-Forwarded-*, and copying a typical response's headers back.
/// </summary>
[MemoryDiagnoser]
public class EdgeHeaderBenchmarks
{
    private DefaultHttpContext _context = null!;
    private HttpResponseMessage _upstreamResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = BrowserRequest.Create();

        _upstreamResponse = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[1024]) };
        _upstreamResponse.Headers.TryAddWithoutValidation("Date", "Sun, 22 Nov 2026 12:00:00 GMT");
        _upstreamResponse.Headers.TryAddWithoutValidation("Server", "nginx");
        _upstreamResponse.Headers.TryAddWithoutValidation("Connection", "keep-alive");
        _upstreamResponse.Headers.TryAddWithoutValidation("ETag", "\"6740a1-400\"");
        _upstreamResponse.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        _upstreamResponse.Content.Headers.TryAddWithoutValidation("Content-Length", "1024");
    }

    /// <summary>Includes the HttpRequestMessage itself, which forwarding needs anyway (the baseline of what must be allocated).</summary>
    [Benchmark(Baseline = true)]
    public HttpRequestMessage RequestMessageOnly() => new(HttpMethod.Get, "http://127.0.0.1:5102/mobile/home");

    [Benchmark]
    public HttpRequestMessage CopyRequestHeaders()
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5102/mobile/home");
        var sink = new MessageHeaderSink(message);
        RequestHeaderCopier.Copy(_context.Request, ref sink);
        ForwardedHeaders.Apply(_context, ref sink, trustedClient: false);
        return message;
    }

    [Benchmark]
    public int CopyResponseHeaders()
    {
        _context.Response.Headers.Clear();
        ResponseHeaderCopier.Copy(_upstreamResponse, _context.Response);
        return _context.Response.Headers.Count;
    }
}
