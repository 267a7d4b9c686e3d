using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueInputFieldNamesRule>("{ products(filter: { name: \"a\", color: RED }) { id } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueInputFieldNamesRule>(
        "{ products(filter: { name: \"a\", name: \"b\" }) { id } }",
        "There can be only one input field named \"name\".");
}
