using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<UniqueFragmentNamesRule>("fragment A on Query { __typename } fragment B on Query { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<UniqueFragmentNamesRule>(
        "fragment A on Query { __typename } fragment A on Query { __typename }",
        "There can be only one fragment named \"A\".");
}
