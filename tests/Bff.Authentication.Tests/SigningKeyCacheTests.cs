using Bff.Authentication.Configuration;
using Bff.Authentication.Jwt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bff.Authentication.Tests;

public sealed class SigningKeyCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotated_key_is_accepted_without_a_restart()
    {
        await using var issuer = await TestIssuer.StartAsync();
        using var http = new HttpClient();
        var options = Options.Create(new JwtValidationOptions { Authority = issuer.Address, MinimumRefreshInterval = TimeSpan.Zero });
        var keys = new SigningKeyCache(http, options, TimeProvider.System, NullLogger<SigningKeyCache>.Instance);
        var validator = new JwtTokenValidator(keys, options, TimeProvider.System);
        var oldToken = issuer.Token();
        Assert.True((await validator.ValidateAsync(oldToken, Ct)).IsValid);

        issuer.PublishNewKey();
        var newToken = issuer.Token();

        Assert.True((await validator.ValidateAsync(newToken, Ct)).IsValid);
        Assert.True((await validator.ValidateAsync(oldToken, Ct)).IsValid);
        Assert.Equal(2, keys.Current.Keys.Count);
    }

    [Fact]
    public async Task Issuer_outage_keeps_the_last_good_keys()
    {
        var issuer = await TestIssuer.StartAsync();
        using var http = new HttpClient();
        var options = Options.Create(new JwtValidationOptions { Authority = issuer.Address, MinimumRefreshInterval = TimeSpan.Zero });
        var keys = new SigningKeyCache(http, options, TimeProvider.System, NullLogger<SigningKeyCache>.Instance);
        var validator = new JwtTokenValidator(keys, options, TimeProvider.System);
        var token = issuer.Token();
        await keys.RefreshAsync(force: true, Ct);

        await issuer.DisposeAsync();
        await keys.RefreshAsync(force: true, Ct);

        Assert.Single(keys.Current.Keys);
        Assert.True((await validator.ValidateAsync(token, Ct)).IsValid);
    }
}
