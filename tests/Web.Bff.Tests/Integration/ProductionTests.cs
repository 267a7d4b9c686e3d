using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>The BFF started with ASPNETCORE_ENVIRONMENT=Production: introspection off, queries still answered.</summary>
public sealed class ProductionTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    protected override string Environment() => "Production";

    [Fact]
    public async Task Introspection_is_off_in_Production()
    {
        var (status, body) = await QueryAsync("{ __schema { types { name } } }");

        Assert.Equal(400, status);
        Assert.Equal("Introspection is disabled on this server.", SingleError(body, "INTROSPECTION_DISABLED").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Queries_still_answer_in_Production()
    {
        var (_, body) = await QueryAsync("{ viewer { id } }");

        Assert.Equal("1", body.GetProperty("data").GetProperty("viewer").GetProperty("id").GetString());
    }
}
