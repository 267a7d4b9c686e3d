using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class KnownOperationTypesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<KnownOperationTypesRule>("mutation { rename(id: 1, name: \"a\") { id } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<KnownOperationTypesRule>(
        "subscription { __typename }",
        "The subscription operation is not supported by the schema.");
}
