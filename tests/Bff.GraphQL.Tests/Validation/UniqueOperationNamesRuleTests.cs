using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueOperationNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueOperationNamesRule>("query A { __typename } query B { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueOperationNamesRule>(
        "query A { __typename } mutation A { rename(id: 1, name: \"x\") { id } }",
        "There can be only one operation named \"A\".");
}
