using System.Text;
using BenchmarkDotNet.Attributes;
using Bff.Edge.Headers;
using Bff.Edge.Upstream;
using Microsoft.AspNetCore.Http;

namespace Bff.Benchmarks.Edge;

/// <summary>
/// The edge's own HTTP/1.1 upstream client, per request and without sockets: the request head written into the
/// connection's reused buffer (compare with <see cref="EdgeHeaderBenchmarks.CopyRequestHeaders"/>, the
/// HttpRequestMessage path), a typical answer head parsed onto the client response, and a chunked body decoded in place.
/// </summary>
[MemoryDiagnoser]
public class EdgeHttp1Benchmarks
{
    private const int ChunkedBodyLength = 16 * 1024;

    private static readonly byte[] HostLine = "Host: 127.0.0.1:5102\r\n"u8.ToArray();

    private static readonly byte[] NginxHead = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\n"
        + "Server: nginx/1.26.2\r\n"
        + "Date: Sun, 22 Nov 2026 12:00:00 GMT\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: 1024\r\n"
        + "Last-Modified: Sun, 22 Nov 2026 11:00:00 GMT\r\n"
        + "Connection: keep-alive\r\n"
        + "ETag: \"6740a1-400\"\r\n"
        + "Accept-Ranges: bytes\r\n"
        + "\r\n");

    private DefaultHttpContext _context = null!;
    private Http1RequestHead _requestHead = null!;
    private DefaultHttpContext _responseContext = null!;
    private byte[] _chunked = null!;
    private byte[] _scratch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = BrowserRequest.Create();
        _requestHead = new Http1RequestHead();

        _responseContext = new DefaultHttpContext();

        var encoded = new MemoryStream();
        var chunk = new byte[1024];
        Array.Fill(chunk, (byte)'x');
        for (var written = 0; written < ChunkedBodyLength; written += chunk.Length)
        {
            encoded.Write("400\r\n"u8);
            encoded.Write(chunk);
            encoded.Write("\r\n"u8);
        }

        encoded.Write("0\r\n\r\n"u8);
        _chunked = encoded.ToArray();
        _scratch = new byte[_chunked.Length];
    }

    [GlobalCleanup]
    public void Cleanup() => _requestHead.Dispose();

    [Benchmark]
    public int WriteRequestHead()
    {
        var request = _context.Request;
        var head = _requestHead;
        head.Start(request.Method, default, request.Path.Value!, request.QueryString.Value);
        head.AddLine(HostLine);
        RequestHeaderCopier.Copy(request, ref head);
        ForwardedHeaders.Apply(_context, ref head, trustedClient: false);
        TraceContextHeaders.Apply(_context, ref head);
        head.End();
        return head.Written.Length;
    }

    [Benchmark]
    public int ParseResponseHead()
    {
        var headers = _responseContext.Response.Headers;
        headers.Clear();
        var head = Http1ResponseParser.Parse(NginxHead, headRequest: false, headers);
        return head.StatusCode + headers.Count;
    }

    [Benchmark]
    public int DecodeChunked()
    {
        _chunked.CopyTo(_scratch, 0);
        var decoder = default(Http1ChunkedDecoder);
        var produced = decoder.Decode(_scratch, out _);
        return decoder.AtTrailers ? produced : -1;
    }
}
