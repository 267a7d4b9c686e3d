using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class KnownArgumentNamesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<KnownArgumentNamesRule>("{ product(id: 1) { reviews(first: 1) { id } } }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<KnownArgumentNamesRule>(
        "{ product(id: 1, ids: 2) { id } }",
        "Unknown argument \"ids\" on field \"Query.product\". Did you mean \"id\"?");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<KnownArgumentNamesRule>(
        "{ __typename @skip(iff: true) }",
        "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?");
}
