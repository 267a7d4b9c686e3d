using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueArgumentNamesRule>("{ echo(num: 1, value: \"a\") }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueArgumentNamesRule>(
        "{ echo(num: 1, num: 2) }",
        "There can be only one argument named \"num\".");
}
