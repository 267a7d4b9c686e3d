using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<PossibleFragmentSpreadsRule>("{ node(id: 1) { ... on Product { id } ... on Named { name } } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<PossibleFragmentSpreadsRule>(
        "{ product(id: 1) { ... on User { id } } }",
        "Fragment cannot be spread here as objects of type \"Product\" can never be of type \"User\".");
}
