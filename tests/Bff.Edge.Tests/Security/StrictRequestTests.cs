using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

/// <summary>
/// The edge's raw-socket conformance cases: each request goes over its own connection as hand-written bytes; the test
/// checks the answer, whether the edge closed the connection, and what the upstream read (nothing, or exactly one
/// request whose framing its strict reader could follow).
/// </summary>
public sealed class StrictRequestTests : IClassFixture<StrictRequestFixture>
{
    private const string Chunked = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

    private readonly StrictRequestFixture _fixture;

    public StrictRequestTests(StrictRequestFixture fixture)
    {
        _fixture = fixture;
    }

    public enum Outcome
    {
        /// <summary>400 problem+json from the edge's own guard, connection closed, nothing upstream.</summary>
        RefusedByGuard,

        /// <summary>400 from Kestrel's parser before the edge runs, connection closed, nothing upstream.</summary>
        RefusedByKestrel,

        /// <summary>200: the upstream read exactly one well-framed request.</summary>
        Forwarded,
    }

    /// <summary>Cases of issue 21 and the usual request smuggling set: name, raw request (Latin-1), outcome.</summary>
    public static TheoryData<string, string, Outcome> Cases => new()
    {
        // Header field names must be tokens (RFC 9110 §5.1).
        { "name with [ and ]", "GET /x HTTP/1.1\r\nHost: a\r\nX[a]: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "name with @", "GET /x HTTP/1.1\r\nHost: a\r\nX@a: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "name with /", "GET /x HTTP/1.1\r\nHost: a\r\nX/a: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "name with a quote", "GET /x HTTP/1.1\r\nHost: a\r\nX\"a: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "name with {", "GET /x HTTP/1.1\r\nHost: a\r\nX{a: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "name with NUL", "GET /x HTTP/1.1\r\nHost: a\r\nX\0a: 1\r\n\r\n", Outcome.RefusedByKestrel },
        { "empty name", "GET /x HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n", Outcome.RefusedByKestrel },
        { "space before the colon", "GET /x HTTP/1.1\r\nHost: a\r\nX-A : 1\r\n\r\n", Outcome.RefusedByKestrel },

        // Field values: no CTL but HTAB (RFC 9110 §5.5).
        { "value with 0x01", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\u0001b\r\n\r\n", Outcome.RefusedByGuard },
        { "value with DEL", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\u007fb\r\n\r\n", Outcome.RefusedByGuard },
        { "value with ESC", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\u001bb\r\n\r\n", Outcome.RefusedByGuard },
        { "value with NUL", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\0b\r\n\r\n", Outcome.RefusedByKestrel },
        { "value with a bare CR", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\rb\r\n\r\n", Outcome.RefusedByKestrel },
        { "value with HTAB", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\tb\r\n\r\n", Outcome.Forwarded },
        { "value with obs-text (UTF-8)", "GET /x HTTP/1.1\r\nHost: a\r\nX-A: caf\u00c3\u00a9\r\n\r\n", Outcome.Forwarded },

        // Exactly one non-empty Host (RFC 9112 §3.2).
        { "empty Host", "GET /x HTTP/1.1\r\nHost: \r\n\r\n", Outcome.RefusedByGuard },
        { "HTTP/1.0 without Host", "GET /x HTTP/1.0\r\n\r\n", Outcome.RefusedByGuard },
        { "missing Host", "GET /x HTTP/1.1\r\n\r\n", Outcome.RefusedByKestrel },
        { "two Host fields", "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", Outcome.RefusedByKestrel },
        { "Host with userinfo", "GET /x HTTP/1.1\r\nHost: u@a\r\n\r\n", Outcome.RefusedByKestrel },

        // Request targets.
        { "fragment in the path", "GET /x#frag HTTP/1.1\r\nHost: a\r\n\r\n", Outcome.RefusedByGuard },
        { "fragment after the query", "GET /x?a=1#frag HTTP/1.1\r\nHost: a\r\n\r\n", Outcome.RefusedByGuard },
        { "absolute-form target", "GET http://a/x HTTP/1.1\r\nHost: a\r\n\r\n", Outcome.RefusedByGuard },
        { "encoded slash", "GET /a%2Fb HTTP/1.1\r\nHost: a\r\n\r\n", Outcome.RefusedByGuard },

        // Content-Length = 1*DIGIT, one value (RFC 9110 §8.6).
        { "Content-Length +5", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nabcde", Outcome.RefusedByGuard },
        { "Content-Length -0", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: -0\r\n\r\n", Outcome.RefusedByGuard },
        { "content-length +5 in lower case", "POST /x HTTP/1.1\r\nHost: a\r\ncontent-length:+5\r\n\r\nabcde", Outcome.RefusedByGuard },
        { "Content-Length 0x5", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\nabcde", Outcome.RefusedByKestrel },
        { "Content-Length list", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nabcde", Outcome.RefusedByKestrel },
        { "duplicate Content-Length", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nabcde", Outcome.RefusedByKestrel },
        { "empty Content-Length", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", Outcome.RefusedByKestrel },
        { "Content-Length over 2^63", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\nabcde", Outcome.RefusedByKestrel },
        { "Content-Length with leading zeros", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 005\r\n\r\nabcde", Outcome.Forwarded },

        // Transfer-Encoding exactly chunked (RFC 9112 §6.1, §6.3).
        { "Content-Length and Transfer-Encoding", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "gzip, chunked", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "chunked, chunked", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "two Transfer-Encoding fields", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "empty list element before chunked", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: , chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "Transfer-Encoding in HTTP/1.0", "POST /x HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "xchunked", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "chunked with a parameter", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "chunked then a vertical tab", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\u000b\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "Transfer-Encoding by obs-fold", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "Transfer-Encoding with a space before the colon", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\nContent-Length: 1\r\n\r\na", Outcome.RefusedByKestrel },
        { "CHUNKED in upper case", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: CHUNKED\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.Forwarded },
        { "HTAB before chunked", "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\tchunked\r\n\r\n1\r\na\r\n0\r\n\r\n", Outcome.Forwarded },

        // Chunk-size lines (RFC 9112 §7.1).
        { "bare ; extension", Chunked + "1;\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "extension name not a token", Chunked + "1;a[=b\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "extension value with NUL", Chunked + "1;a=\0\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "extension value not a token", Chunked + "1;a=b@c\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "control character in a quoted extension", Chunked + "1;a=\"b\u0001\"\r\na\r\n0\r\n\r\n", Outcome.RefusedByGuard },
        { "bad extension on the last chunk", Chunked + "1\r\na\r\n0;;\r\n\r\n", Outcome.RefusedByGuard },
        { "trailer name not a token", Chunked + "1\r\na\r\n0\r\nX[a]: 1\r\n\r\n", Outcome.RefusedByGuard },
        { "control character in a trailer value", Chunked + "1\r\na\r\n0\r\nX-T: a\u0001\r\n\r\n", Outcome.RefusedByGuard },
        { "bare LF inside an extension", Chunked + "1;a\nb\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "LF-only chunk-size line", Chunked + "1\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "LF-only after chunk data", Chunked + "1\r\na\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "LF-only last chunk", Chunked + "1\r\na\r\n0\n\r\n", Outcome.RefusedByKestrel },
        { "space after the chunk size", Chunked + "1 \r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "0x chunk size", Chunked + "0x1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "negative chunk size", Chunked + "-1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "oversized chunk size", Chunked + "FFFFFFFFFFFFFFFFF1\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "chunk size with 20 leading zeros", Chunked + "00000000000000000001\r\na\r\n0\r\n\r\n", Outcome.RefusedByKestrel },
        { "token and quoted extensions", Chunked + "1;a=b;c=\"d \\\" e\";f\r\na\r\n0\r\nX-T: ok\r\n\r\n", Outcome.Forwarded },

        // Line ends in the head (RFC 9112 §2.2).
        { "LF-only head", "GET /x HTTP/1.1\nHost: a\n\n", Outcome.RefusedByGuard },
        { "one LF-only header line", "GET /x HTTP/1.1\r\nHost: a\nX-A: 1\r\n\r\n", Outcome.RefusedByGuard },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Raw_request_gets_the_expected_outcome(string name, string request, Outcome outcome)
    {
        var before = _fixture.Upstream.Requests.Count;

        var (response, closed) = await RawHttp.ExchangeAsync(_fixture.Edge.HttpPort, request, TimeSpan.FromSeconds(1));

        await Task.Delay(100, TestContext.Current.CancellationToken);
        var received = _fixture.Upstream.Requests.Skip(before).ToList();
        if (outcome == Outcome.Forwarded)
        {
            Assert.True(RawHttp.StatusOf(response) == 200, $"{name}: {response}");
            var forwarded = Assert.Single(received);
            Assert.False(forwarded.Header("Content-Length") is not null && forwarded.Header("Transfer-Encoding") is not null, $"{name}: {forwarded.Head}");
            Assert.Equal(BodyOf(request), System.Text.Encoding.Latin1.GetString(forwarded.Body));
            return;
        }

        Assert.True(RawHttp.StatusOf(response) == 400, $"{name}: {response}");
        Assert.True(closed, $"{name}: the connection stayed open");
        Assert.Empty(received);
        if (outcome == Outcome.RefusedByGuard)
        {
            Assert.Contains("Content-Type: application/problem+json", response, StringComparison.Ordinal);
        }
    }

    // The forwarded cases' bodies: none for GET, "a" in one chunk, or five bytes by Content-Length.
    private static string BodyOf(string request) =>
        request.StartsWith("GET", StringComparison.Ordinal) ? "" : request.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? "a" : "abcde";
}
