using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class SingleFieldSubscriptionsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<SingleFieldSubscriptionsRule>("query { a: __typename b: __typename }");

    private static readonly global::Bff.GraphQL.Types.Schema WithSubscriptions = new global::Bff.GraphQL.Types.SchemaBuilder()
        .AddSdl("type Query { a: Int } type Subscription { tick: Int tock: Int }")
        .Build();

    [Theory]
    [InlineData("subscription S { tick tock }", "Subscription \"S\" must select only one top level field.")]
    [InlineData("subscription { ...F } fragment F on Subscription { tick tock }", "Anonymous Subscription must select only one top level field.")]
    [InlineData("subscription S { __typename }", "Subscription \"S\" must not select an introspection top level field.")]
    [InlineData("subscription S { tick @skip(if: false) }", "Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.")]
    public void Reports_subscriptions_that_do_not_select_exactly_one_field(string query, string message)
    {
        var errors = Bff.GraphQL.Validation.DocumentValidator.Validate(WithSubscriptions, Bff.GraphQL.Language.Parser.Parse(query), [new SingleFieldSubscriptionsRule()]);
        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void Accepts_a_single_subscription_field()
        => Assert.Empty(Bff.GraphQL.Validation.DocumentValidator.Validate(WithSubscriptions, Bff.GraphQL.Language.Parser.Parse("subscription { tick }"), [new SingleFieldSubscriptionsRule()]));
}
