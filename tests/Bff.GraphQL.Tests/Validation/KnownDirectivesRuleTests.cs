using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class KnownDirectivesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<KnownDirectivesRule>("query ($v: Boolean = true) { __typename @skip(if: $v) }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<KnownDirectivesRule>(
        "{ __typename @nope }",
        "Unknown directive \"@nope\".");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<KnownDirectivesRule>(
        "query @include(if: true) { __typename }",
        "Directive \"@include\" may not be used on QUERY.");
}
