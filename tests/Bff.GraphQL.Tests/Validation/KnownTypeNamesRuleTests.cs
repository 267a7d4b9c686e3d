using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class KnownTypeNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<KnownTypeNamesRule>("query ($a: [Color!]) { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<KnownTypeNamesRule>(
        "query ($a: Colour) { __typename }",
        "Unknown type \"Colour\". Did you mean \"Color\"?");
}
