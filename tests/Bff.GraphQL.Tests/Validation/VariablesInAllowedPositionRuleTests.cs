using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<VariablesInAllowedPositionRule>("query ($id: ID!) { product(id: $id) { id } }");

    [Fact]
    public void Accepts_valid_document_2() => ValidationHarness.ExpectValid<VariablesInAllowedPositionRule>("query ($id: ID = 1) { product(id: $id) { id } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<VariablesInAllowedPositionRule>(
        "query ($id: ID) { product(id: $id) { id } }",
        "Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<VariablesInAllowedPositionRule>(
        "query ($n: Int!) { product(id: $n) { id } }",
        "Variable \"$n\" of type \"Int!\" used in position expecting type \"ID!\".");
}
