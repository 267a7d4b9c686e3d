using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueVariableNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueVariableNamesRule>("query ($a: Int, $b: Int) { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueVariableNamesRule>(
        "query ($a: Int, $a: Int) { __typename }",
        "There can be only one variable named \"$a\".");
}
