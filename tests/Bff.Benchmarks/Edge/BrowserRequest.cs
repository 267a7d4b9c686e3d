using System.Net;
using Microsoft.AspNetCore.Http;

namespace Bff.Benchmarks.Edge;

/// <summary>The browser-like GET the edge header benchmarks forward: seven typical headers and a client traceparent.</summary>
internal static class BrowserRequest
{
    public static DefaultHttpContext Create()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "0HN8:00000001" };
        var request = context.Request;
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
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        return context;
    }
}
