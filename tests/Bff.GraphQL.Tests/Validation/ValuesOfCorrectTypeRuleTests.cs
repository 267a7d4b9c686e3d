using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<ValuesOfCorrectTypeRule>("{ echo(num: 1, list: [1, 2], value: \"x\", flag: false) products(filter: { color: RED, minPrice: 1 }) { id } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<ValuesOfCorrectTypeRule>(
        "{ echo(num: \"1\") }",
        "Int cannot represent non-integer value: \"1\"");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<ValuesOfCorrectTypeRule>(
        "{ product(id: null) { id } }",
        "Expected value of non-null type \"ID!\" not to be null.");

    [Fact]
    public void Reports_invalid_document_3() => ValidationHarness.ExpectErrors<ValuesOfCorrectTypeRule>(
        "{ products(filter: { color: PINK }) { id } }",
        "Value \"PINK\" does not exist in \"Color\" enum.");

    [Fact]
    public void Reports_invalid_document_4() => ValidationHarness.ExpectErrors<ValuesOfCorrectTypeRule>(
        "{ find(ref: { id: 1, name: \"a\" }) { id } }",
        "Within OneOf Input Object type \"ProductRef\", exactly one field must be specified, and the value for that field must be non-null.");
}
