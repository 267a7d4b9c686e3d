using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bff.Edge.Compression;
using Bff.Edge.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Benchmarks.Edge;

/// <summary>
/// The edge's response compression on a typical JSON answer (a 100-item page, about 20 KB) written in the
/// forwarder's 16 KiB chunks: CPU and allocations per answer for each coding and level, against a plain copy.
/// </summary>
[MemoryDiagnoser]
public class EdgeCompressionBenchmarks
{
    private const int Chunk = 16 * 1024;

    private readonly MemoryStream _sink = new();
    private byte[] _body = [];
    private DefaultHttpContext _context = null!;
    private StreamResponseBodyFeature _inner = null!;
    private RouteCompressionConfig _settings = null!;

    [Params("identity", "gzip", "br")]
    public string Coding { get; set; } = "identity";

    [Params(CompressionLevel.Fastest, CompressionLevel.Optimal)]
    public CompressionLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var items = Enumerable.Range(1, 100).Select(i =>
            $"{{\"id\":{i},\"status\":\"{(i % 3 == 0 ? "shipped" : "pending")}\",\"total\":{i * 17 % 900}.{i % 100:00},\"currency\":\"EUR\"," +
            $"\"createdAt\":\"2026-11-{i % 28 + 1:00}T10:{i % 60:00}:00Z\",\"items\":[{{\"productId\":{i * 7 % 500 + 1},\"name\":\"Product {i * 7 % 500 + 1}\",\"quantity\":{i % 4 + 1}}}]}}");
        _body = Encoding.UTF8.GetBytes("{\"data\":[" + string.Join(',', items) + "],\"next\":\"b3JkZXI6MTAw\"}");
        _context = new DefaultHttpContext();
        _inner = new StreamResponseBodyFeature(_sink);
        _settings = new RouteCompressionConfig { Level = Level };
        Console.WriteLine($"// {Coding} {Level}: {_body.Length} bytes -> {CompressAsync().GetAwaiter().GetResult()} bytes");
    }

    [Benchmark]
    public Task<long> CompressAsync()
    {
        _sink.SetLength(0);
        var response = _context.Response;
        response.Headers.Clear();
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = _body.Length;
        var coding = Coding switch { "br" => ContentCoding.Brotli, "gzip" => ContentCoding.Gzip, _ => ContentCoding.Identity };
        return WriteAsync(new CompressionBody(_context, _inner, coding, _settings));
    }

    private async Task<long> WriteAsync(CompressionBody body)
    {
        for (var offset = 0; offset < _body.Length; offset += Chunk)
        {
            await body.WriteAsync(_body.AsMemory(offset, Math.Min(Chunk, _body.Length - offset)));
        }

        await body.FinishAsync();
        return _sink.Length;
    }
}
