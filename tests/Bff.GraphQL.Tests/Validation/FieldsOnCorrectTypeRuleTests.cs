using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<FieldsOnCorrectTypeRule>("{ product(id: 1) { __typename id } search(text: \"a\") { __typename } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<FieldsOnCorrectTypeRule>(
        "{ product(id: 1) { nam } }",
        "Cannot query field \"nam\" on type \"Product\". Did you mean \"name\"?");
}
