using System.IO.Compression;
using System.IO.Pipelines;
using Bff.Edge.Configuration;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Compression;

/// <summary>
/// The response body of a route with compression: decides on the first write (or start), when status and headers
/// are final, whether to compress; then every write goes through the compressor and is flushed at once, so a
/// streamed answer (server-sent events, long bodies) reaches the client as it comes, never buffered whole.
/// </summary>
internal sealed class CompressionBody : Stream, IHttpResponseBodyFeature
{
    private const string AcceptEncodingName = "Accept-Encoding";

    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly ContentCoding _coding;
    private readonly RouteCompressionConfig _settings;
    private bool _decided;
    private Stream? _compressor;
    private PipeWriter? _writer;

    public CompressionBody(HttpContext context, IHttpResponseBodyFeature inner, ContentCoding coding, RouteCompressionConfig settings)
    {
        _context = context;
        _inner = inner;
        _coding = coding;
        _settings = settings;
    }

    public Stream Stream => this;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Decide();
        return _inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await FinishAsync().ConfigureAwait(false);
        await _inner.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Writes the compressor's final block. Called once the upstream's body has been copied.</summary>
    public async Task FinishAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        if (_compressor is { } compressor)
        {
            _compressor = null;
            await compressor.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Decide();
        if (_compressor is { } compressor)
        {
            await compressor.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await compressor.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await _inner.Stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Decide();
        return _compressor is { } compressor ? compressor.FlushAsync(cancellationToken) : _inner.Stream.FlushAsync(cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Decide()
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        var response = _context.Response;
        if (response.HasStarted || !IsEligible(response))
        {
            return;
        }

        // From here the coding depends on Accept-Encoding, even when this client gets identity.
        var headers = response.Headers;
        VaryHeader.Append(headers, AcceptEncodingName);
        if (_coding == ContentCoding.Identity)
        {
            return;
        }

        headers.ContentEncoding = _coding == ContentCoding.Brotli ? "br" : "gzip";
        headers.ContentLength = null;
        var etag = headers.ETag;
        if (etag.Count == 1 && etag[0] is ['"', ..] strong)
        {
            // A strong validator names these exact bytes; the compressed ones are only semantically equal (RFC 9110 §8.8.1).
            headers.ETag = "W/" + strong;
        }

        _compressor = _coding == ContentCoding.Brotli
            ? new BrotliStream(_inner.Stream, _settings.Level, leaveOpen: true)
            : new GZipStream(_inner.Stream, _settings.Level, leaveOpen: true);
    }

    private bool IsEligible(HttpResponse response)
    {
        var headers = response.Headers;
        return response.StatusCode is >= 200 and not StatusCodes.Status204NoContent and not StatusCodes.Status206PartialContent and not StatusCodes.Status304NotModified
            && headers.ContentEncoding.Count == 0
            && !headers.ContainsKey(HeaderNames.ContentRange)
            && CompressibleContentTypes.IsCompressible(headers.ContentType)
            && !(response.ContentLength is { } length && length < _settings.MinimumBodySize)
            && !HopByHopHeaders.IsListedInConnection("no-transform", headers.CacheControl);
    }
}
