using Bff.Edge.Caching;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Caching;

/// <summary>What is and is not part of a cache key.</summary>
public sealed class CacheKeysTests
{
    private static readonly RouteCacheConfig Default = new();

    [Fact]
    public void Unkeyed_headers_do_not_change_the_key()
    {
        var plain = Request("/p?a=1");
        var forged = Request("/p?a=1");
        forged.Request.Headers["X-Forwarded-Host"] = "evil.example";
        forged.Request.Headers["X-Forwarded-Proto"] = "https";
        forged.Request.Headers.UserAgent = "attacker";

        Assert.Equal(Key(plain), Key(forged));
    }

    [Fact]
    public void A_trusted_proxy_forwarded_host_and_scheme_are_keyed_because_the_upstream_sees_them()
    {
        var forwarded = Request("/p");
        forwarded.Request.Headers["X-Forwarded-Host"] = "shop.example";
        forwarded.Request.Headers["X-Forwarded-Proto"] = "https";

        Assert.Equal("r /p https://shop.example ", CacheKeys.Build("r", forwarded, Default, trustedClient: true, identity: null));
        Assert.Equal("r /p http://edge.local ", CacheKeys.Build("r", forwarded, Default, trustedClient: false, identity: null));
    }

    [Fact]
    public void Each_subject_has_its_own_key_unless_the_route_is_public()
    {
        var alice = new EdgeIdentity("2", "web-app", [], null);
        var bob = new EdgeIdentity("3", "web-app", [], null);

        Assert.NotEqual(CacheKeys.Build("r", Request("/me"), Default, false, alice), CacheKeys.Build("r", Request("/me"), Default, false, bob));
        Assert.NotEqual(CacheKeys.Build("r", Request("/me"), Default, false, alice), CacheKeys.Build("r", Request("/me"), Default, false, null));
        var shared = new RouteCacheConfig { Public = true };
        Assert.Equal(CacheKeys.Build("r", Request("/me"), shared, false, alice), CacheKeys.Build("r", Request("/me"), shared, false, bob));
    }

    [Fact]
    public void A_raw_authorization_is_keyed_by_hash_never_by_value()
    {
        var context = Request("/me");
        context.Request.Headers.Authorization = "Bearer secret-token";

        var key = Key(context);

        Assert.DoesNotContain("secret-token", key, StringComparison.Ordinal);
        Assert.StartsWith("r /me http://edge.local  a:", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_vary_by_query_the_query_is_left_out()
    {
        var config = new RouteCacheConfig { VaryByQuery = false };

        Assert.Equal(CacheKeys.Build("r", Request("/p?a=1"), config, false, null), CacheKeys.Build("r", Request("/p?a=2"), config, false, null));
    }

    [Fact]
    public void Every_key_of_a_path_starts_with_its_purge_prefix_and_a_longer_path_does_not()
    {
        Assert.StartsWith(CacheKeys.Prefix("r", "/x"), Key(Request("/x?page=2")), StringComparison.Ordinal);
        Assert.False(Key(Request("/xy")).StartsWith(CacheKeys.Prefix("r", "/x"), StringComparison.Ordinal));
    }

    private static string Key(HttpContext context) => CacheKeys.Build("r", context, Default, trustedClient: false, identity: null);

    private static DefaultHttpContext Request(string target)
    {
        var context = new DefaultHttpContext();
        var q = target.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("edge.local");
        context.Request.Path = q < 0 ? target : target[..q];
        context.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(target[q..]);
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = target;
        return context;
    }
}
