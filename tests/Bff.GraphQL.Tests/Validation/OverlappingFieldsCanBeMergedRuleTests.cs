using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<OverlappingFieldsCanBeMergedRule>("{ product(id: 1) { id } product(id: 1) { name } }");

    [Fact]
    public void Accepts_valid_document_2() => ValidationHarness.ExpectValid<OverlappingFieldsCanBeMergedRule>("{ search(text: \"a\") { ... on Product { v: name } ... on User { v: name } } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<OverlappingFieldsCanBeMergedRule>(
        "{ product(id: 1) { x: id x: name } }",
        "Fields \"x\" conflict because \"id\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<OverlappingFieldsCanBeMergedRule>(
        "{ a: product(id: 1) { id } a: product(id: 2) { id } }",
        "Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void Reports_invalid_document_3() => ValidationHarness.ExpectErrors<OverlappingFieldsCanBeMergedRule>(
        "{ search(text: \"a\") { ... on Product { v: price } ... on User { v: name } } }",
        "Fields \"v\" conflict because they return conflicting types \"Float\" and \"String!\". Use different aliases on the fields to fetch both if this was intentional.");
}
