using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class NoUnusedVariablesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<NoUnusedVariablesRule>("query ($a: Int) { ...F } fragment F on Query { echo(num: $a) }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<NoUnusedVariablesRule>(
        "query Q($a: Int) { __typename }",
        "Variable \"$a\" is never used in operation \"Q\".");
}
