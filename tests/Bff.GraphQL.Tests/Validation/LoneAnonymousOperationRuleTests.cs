using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<LoneAnonymousOperationRule>("{ __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<LoneAnonymousOperationRule>(
        "{ __typename } query B { __typename }",
        "This anonymous operation must be the only defined operation.");
}
