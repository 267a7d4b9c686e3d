using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueDirectivesPerLocationRule>("{ __typename @skip(if: false) @include(if: true) }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueDirectivesPerLocationRule>(
        "{ __typename @skip(if: false) @skip(if: true) }",
        "The directive \"@skip\" can only be used once at this location.");
}
