using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Headers;

/// <summary>
/// X-Forwarded-For/-Proto/-Host. Values a client sent are kept (and For appended to) only when the client is a
/// trusted proxy; anyone else's are replaced, so a client cannot pose as another address. The standard
/// <c>Forwarded</c> and <c>X-Real-IP</c> headers follow the same rule (dropped when untrusted).
/// </summary>
internal static class ForwardedHeaders
{
    public const string XForwardedFor = "X-Forwarded-For";
    public const string XForwardedProto = "X-Forwarded-Proto";
    public const string XForwardedHost = "X-Forwarded-Host";
    public const string XForwardedPrefix = "X-Forwarded-Prefix";
    public const string Forwarded = "Forwarded";
    public const string XRealIp = "X-Real-IP";

    /// <summary>True for the headers this class owns: the copier skips them and <see cref="Apply"/> writes them.</summary>
    public static bool IsForwardingHeader(string name) => name.Length switch
    {
        9 => name.Equals(Forwarded, StringComparison.OrdinalIgnoreCase) || name.Equals(XRealIp, StringComparison.OrdinalIgnoreCase),
        15 => name.Equals(XForwardedFor, StringComparison.OrdinalIgnoreCase),
        16 => name.Equals(XForwardedHost, StringComparison.OrdinalIgnoreCase),
        17 => name.Equals(XForwardedProto, StringComparison.OrdinalIgnoreCase),
        18 => name.Equals(XForwardedPrefix, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static void Apply<TSink>(HttpContext context, ref TSink sink, bool trustedClient)
        where TSink : IHeaderSink
    {
        var request = context.Request;
        var clientAddress = context.Connection.RemoteIpAddress?.ToString();

        if (trustedClient)
        {
            var existingFor = request.Headers[XForwardedFor];
            var forValue = existingFor.Count == 0 ? clientAddress : string.Concat(string.Join(", ", existingFor.ToArray()), ", ", clientAddress);
            AddIfValue(ref sink, XForwardedFor, forValue);
            AddIfValue(ref sink, XForwardedProto, FirstOr(request.Headers[XForwardedProto], request.Scheme));
            AddIfValue(ref sink, XForwardedHost, FirstOr(request.Headers[XForwardedHost], request.Host.Value));
            CopyIfPresent(request.Headers, ref sink, XForwardedPrefix);
            CopyIfPresent(request.Headers, ref sink, Forwarded);
            CopyIfPresent(request.Headers, ref sink, XRealIp);
            return;
        }

        AddIfValue(ref sink, XForwardedFor, clientAddress);
        sink.Add(XForwardedProto, request.Scheme);
        AddIfValue(ref sink, XForwardedHost, request.Host.Value);
    }

    private static string? FirstOr(Microsoft.Extensions.Primitives.StringValues values, string? fallback) =>
        values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : fallback;

    private static void AddIfValue<TSink>(ref TSink sink, string name, string? value)
        where TSink : IHeaderSink
    {
        if (!string.IsNullOrEmpty(value))
        {
            sink.Add(name, value);
        }
    }

    private static void CopyIfPresent<TSink>(IHeaderDictionary source, ref TSink sink, string name)
        where TSink : IHeaderSink
    {
        if (source.TryGetValue(name, out var values) && values.Count > 0)
        {
            sink.Add(name, values);
        }
    }
}
