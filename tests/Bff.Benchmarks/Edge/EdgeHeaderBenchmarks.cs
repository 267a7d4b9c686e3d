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
        _context = new DefaultHttpContext();
        var request = _context.Request;
        request.Method = "GET";
        request.Scheme = "https";
        request.Path = "/mobile/home";
        request.Host = new HostString("localhost:8443");
        request.Headers.Accept = "application/json";
        request.Headers.AcceptEncoding = "gzip, deflate, br";
        request.Headers.AcceptLanguage = "en-GB,en;q=0.9";
        request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
        request.Headers.Authorization = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        request.Headers.Connection = "keep-alive";
        request.Headers["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        _context.Connection.RemoteIpAddress = IPAddress.Loopback;

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
