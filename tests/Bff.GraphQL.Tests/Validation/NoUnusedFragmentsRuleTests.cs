using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<NoUnusedFragmentsRule>("{ ...A } fragment A on Query { ...B } fragment B on Query { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<NoUnusedFragmentsRule>(
        "{ __typename } fragment A on Query { __typename }",
        "Fragment \"A\" is never used.");
}
