using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<KnownFragmentNamesRule>("{ ...A } fragment A on Query { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<KnownFragmentNamesRule>(
        "{ ...B }",
        "Unknown fragment \"B\".");
}
