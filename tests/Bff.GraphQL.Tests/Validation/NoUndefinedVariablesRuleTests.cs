using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<NoUndefinedVariablesRule>("query ($a: Int) { echo(num: $a) }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<NoUndefinedVariablesRule>(
        "query Q { echo(num: $a) }",
        "Variable \"$a\" is not defined by operation \"Q\".");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<NoUndefinedVariablesRule>(
        "{ ...F } fragment F on Query { echo(num: $b) }",
        "Variable \"$b\" is not defined.");
}
