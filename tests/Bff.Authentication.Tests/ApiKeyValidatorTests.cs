using Bff.Authentication.ApiKeys;
using Microsoft.Extensions.Options;

namespace Bff.Authentication.Tests;

public sealed class ApiKeyValidatorTests
{
    private static readonly ApiKeyValidator Validator = Create();

    [Fact]
    public void Valid_key_yields_the_partner_and_its_plan()
    {
        var outcome = Validator.Validate("gold1.s3cret-value");

        Assert.True(outcome.IsValid);
        Assert.Equal("partner-gold", outcome.Identity!.ClientId);
        Assert.Equal("gold", outcome.Identity.Plan);
        Assert.True(outcome.Identity.HasScope("partner.write"));
    }

    [Theory]
    [InlineData("gold1.wrong-secret")]
    [InlineData("nobody.s3cret-value")]
    [InlineData("gold1")]
    [InlineData("gold1.")]
    [InlineData(".s3cret-value")]
    [InlineData("")]
    public void Wrong_unknown_or_malformed_key_is_refused(string presented)
    {
        Assert.False(Validator.Validate(presented).IsValid);
    }

    [Fact]
    public void Oversized_key_is_refused()
    {
        Assert.False(Validator.Validate("gold1." + new string('a', 10_000)).IsValid);
    }

    private static ApiKeyValidator Create()
    {
        var options = new ApiKeyOptions();
        var entry = new ApiKeyEntry { Id = "gold1", SecretSha256 = ApiKeyValidator.HashSecret("s3cret-value"), ClientId = "partner-gold", Plan = "gold" };
        entry.Scopes.Add("partner.read");
        entry.Scopes.Add("partner.write");
        options.Keys.Add(entry);
        return new ApiKeyValidator(Options.Create(options));
    }
}
