using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Writes an HTTP/1.1 request head (RFC 9112 §3, §5) into a buffer the connection keeps between exchanges, so a
/// request head costs no allocation. A value holding CR, LF or NUL marks the head invalid rather than letting it
/// split into a second request.
/// </summary>
internal sealed class Http1RequestHead : IHeaderSink, IDisposable
{
    private static readonly SearchValues<char> LineBreaking = SearchValues.Create("\r\n\0");

    // Visible ASCII: anything else in a query string is percent-encoded (as UTF-8) on the way up.
    private static readonly SearchValues<char> QuerySafe = SearchValues.Create(
        "!\"$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    /// <summary>Set when a header name or value could not be written safely; the head must not be sent.</summary>
    public bool Invalid { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts a head with its request line; <paramref name="path"/> is decoded, <paramref name="query"/> as received.</summary>
    public void Start(string method, ReadOnlySpan<byte> basePath, string path, string? query)
    {
        _length = 0;
        Invalid = false;
        WriteText(method);
        WriteByte((byte)' ');
        WriteBytes(basePath);
        if (path.Length == 0 && basePath.IsEmpty)
        {
            WriteByte((byte)'/');
        }

        WriteText(UpstreamUri.NeedsEncoding(path) ? UpstreamUri.Encode(path) : path);
        if (!string.IsNullOrEmpty(query))
        {
            WriteText(query.AsSpan().ContainsAnyExcept(QuerySafe) ? UpstreamUri.Encode(query, QuerySafe) : query);
        }

        WriteBytes(" HTTP/1.1\r\n"u8);
    }

    /// <summary>Starts a chunked body's end instead: the last chunk, then trailer fields added like headers, then <see cref="End"/>.</summary>
    public void StartTrailers()
    {
        _length = 0;
        Invalid = false;
        WriteBytes("0\r\n"u8);
    }

    public void AddLine(ReadOnlySpan<byte> line) => WriteBytes(line);

    public void Add(string name, string value)
    {
        if (value.AsSpan().ContainsAny(LineBreaking) || name.AsSpan().ContainsAny(LineBreaking))
        {
            Invalid = true;
            return;
        }

        WriteText(name);
        WriteBytes(": "u8);
        WriteText(value);
        WriteBytes("\r\n"u8);
    }

    public void Add(string name, StringValues values)
    {
        if (values.Count == 1)
        {
            Add(name, values.ToString());
            return;
        }

        // One line per field, its values joined: the list syntax of RFC 9110 §5.3, and "; " for cookies (RFC 6265 §5.4).
        var separator = string.Equals(name, HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase) ? "; " : ", ";
        Add(name, string.Join(separator, values.ToArray()));
    }

    public void AddContentLength(long length)
    {
        WriteBytes("Content-Length: "u8);
        Utf8Formatter.TryFormat(length, Reserve(20), out var written);
        _length += written;
        WriteBytes("\r\n"u8);
    }

    public void End() => WriteBytes("\r\n"u8);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteText(string text)
    {
        // Kestrel decoded the client's header bytes as UTF-8: encoding non-ASCII text the same way sends the
        // upstream the bytes the client sent (RFC 9110 §5.5 leaves non-ASCII octets opaque).
        _length += Ascii.IsValid(text)
            ? Encoding.ASCII.GetBytes(text, Reserve(text.Length))
            : Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetByteCount(text)));
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    private void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length);
    }
}
