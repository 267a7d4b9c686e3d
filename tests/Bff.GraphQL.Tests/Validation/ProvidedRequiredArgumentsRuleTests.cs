using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<ProvidedRequiredArgumentsRule>("{ product(id: 1) { id } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<ProvidedRequiredArgumentsRule>(
        "{ product { id } }",
        "Argument \"Query.product(id:)\" of type \"ID!\" is required, but it was not provided.");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<ProvidedRequiredArgumentsRule>(
        "{ __typename @skip }",
        "Argument \"@skip(if:)\" of type \"Boolean!\" is required, but it was not provided.");
}
