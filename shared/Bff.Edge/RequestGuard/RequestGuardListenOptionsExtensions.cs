using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bff.Edge.RequestGuard;

/// <summary>Puts a <see cref="RawFramingInspector"/> under Kestrel's HTTP/1.1 parser on a listener.</summary>
internal static class RequestGuardListenOptionsExtensions
{
    /// <summary>
    /// Call after <c>UseHttps</c>, so the inspector reads the decrypted bytes. Connections that negotiated HTTP/2
    /// are left alone: HPACK has no raw head lines or chunked bodies to check.
    /// </summary>
    public static void UseRawFramingInspection(this ListenOptions listen) => listen.Use(next => async connection =>
    {
        if (connection.Features.Get<ITlsApplicationProtocolFeature>()?.ApplicationProtocol.Span.SequenceEqual("h2"u8) == true)
        {
            await next(connection).ConfigureAwait(false);
            return;
        }

        var transport = connection.Transport;
        var inspector = new RawFramingInspector(transport.Input);
        connection.Features.Set(inspector);
        connection.Transport = new GuardedDuplexPipe(transport, inspector);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = transport;
        }
    });
}
