using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Identity;

/// <summary>
/// Refuses every request that does not carry a valid edge assertion for this service, so a BFF
/// reached without passing the edge answers 401. Verified assertions are remembered until they
/// expire: the edge reuses one per token for a few seconds, and ECDSA verification is the
/// costly part.
/// </summary>
internal sealed partial class EdgeIdentityMiddleware : IDisposable
{
    private const int MaxCachedAssertions = 10_000;
    private static readonly string[] AlwaysAnonymous = ["/healthz", "/readyz", "/metrics"];

    private readonly RequestDelegate _next;
    private readonly TimeProvider _time;
    private readonly ILogger<EdgeIdentityMiddleware> _logger;
    private readonly string _audience;
    private readonly string[] _anonymousPaths;
    private readonly ECDsa _key;
    private readonly ConcurrentDictionary<string, EdgeIdentityCacheEntry> _verified = new(StringComparer.Ordinal);

    public EdgeIdentityMiddleware(RequestDelegate next, IOptions<EdgeIdentityOptions> options, TimeProvider time, ILogger<EdgeIdentityMiddleware> logger)
    {
        _next = next;
        _time = time;
        _logger = logger;
        _audience = options.Value.Audience;
        _anonymousPaths = [.. AlwaysAnonymous, .. options.Value.AnonymousPaths];
        _key = ECDsa.Create();
        _key.ImportFromPem(File.ReadAllText(options.Value.VerificationKeyPath));
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (IsAnonymous(context.Request.Path))
        {
            return _next(context);
        }

        var headers = context.Request.Headers[EdgeAssertion.HeaderName];
        string? error = headers.Count > 1 ? "more than one edge assertion" : null;
        var identity = headers.Count == 1 ? Verify(headers[0]!, out error) : null;
        if (identity is null)
        {
            LogRefused(_logger, context.Request.Path, error ?? "missing edge assertion");
            return WriteUnauthorized(context, error ?? "missing edge assertion");
        }

        context.Features.Set(identity);
        return _next(context);
    }

    public void Dispose() => _key.Dispose();

    private EdgeIdentity? Verify(string assertion, out string? error)
    {
        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(assertion, out var cached) && now < cached.ExpiresAt)
        {
            error = null;
            return cached.Identity;
        }

        var identity = EdgeAssertion.Verify(assertion, _audience, now, _key, out var expiresAt, out error);
        if (identity is not null)
        {
            if (_verified.Count >= MaxCachedAssertions)
            {
                _verified.Clear();
            }

            _verified[assertion] = new EdgeIdentityCacheEntry(identity, expiresAt);
        }

        return identity;
    }

    private bool IsAnonymous(PathString path)
    {
        foreach (var prefix in _anonymousPaths)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Task WriteUnauthorized(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: detail + "; call this service through the edge gateway",
            type: "https://httpstatuses.io/401",
            extensions: new Dictionary<string, object?> { ["code"] = "edge_identity_required" }).ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Refused {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
