using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class ScalarLeafsRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<ScalarLeafsRule>("{ product(id: 1) { name } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<ScalarLeafsRule>(
        "{ product(id: 1) }",
        "Field \"product\" of type \"Product\" must have a selection of subfields. Did you mean \"product { ... }\"?");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<ScalarLeafsRule>(
        "{ product(id: 1) { name { x } } }",
        "Field \"name\" must not have a selection since type \"String!\" has no subfields.");
}
