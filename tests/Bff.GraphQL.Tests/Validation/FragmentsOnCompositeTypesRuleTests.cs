using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<FragmentsOnCompositeTypesRule>("fragment F on Node { id }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<FragmentsOnCompositeTypesRule>(
        "fragment F on Color { id }",
        "Fragment \"F\" cannot condition on non composite type \"Color\".");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<FragmentsOnCompositeTypesRule>(
        "{ product(id: 1) { ... on Float { id } } }",
        "Fragment cannot condition on non composite type \"Float\".");
}
