using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<ExecutableDefinitionsRule>("{ __typename } fragment F on Query { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<ExecutableDefinitionsRule>(
        "{ __typename } type Foo { a: Int }",
        "The \"Foo\" definition is not executable.");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<ExecutableDefinitionsRule>(
        "{ __typename } extend schema @x",
        "The schema definition is not executable.");
}
