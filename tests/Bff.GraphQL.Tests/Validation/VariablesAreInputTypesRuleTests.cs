using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<VariablesAreInputTypesRule>("query ($a: ProductFilter) { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<VariablesAreInputTypesRule>(
        "query ($a: Product!) { __typename }",
        "Variable \"$a\" cannot be non-input type \"Product!\".");
}
