using Bff.TestSupport.Upstreams;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

/// <summary>One gateway in front of a raw upstream that records every request it reads, shared by the conformance cases.</summary>
public sealed class StrictRequestFixture : IAsyncLifetime
{
    private RawUpstream? _upstream;
    private EdgeHost? _edge;

    internal RawUpstream Upstream => _upstream!;

    internal EdgeHost Edge => _edge!;

    public async ValueTask InitializeAsync()
    {
        _upstream = RawUpstream.Start(RawUpstream.ServeEach(_ => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        _edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", _upstream.Url));
    }

    public async ValueTask DisposeAsync()
    {
        if (_edge is not null)
        {
            await _edge.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }
}
