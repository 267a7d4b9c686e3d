using Bff.GraphQL.Validation.Rules;

namespace Bff.GraphQL.Tests.Validation;

public sealed class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Accepts_valid_document_1() => ValidationHarness.ExpectValid<NoFragmentCyclesRule>("{ ...A } fragment A on Query { ...B } fragment B on Query { __typename }");

    [Fact]
    public void Reports_invalid_document_1() => ValidationHarness.ExpectErrors<NoFragmentCyclesRule>(
        "{ ...A } fragment A on Query { ...A }",
        "Cannot spread fragment \"A\" within itself.");

    [Fact]
    public void Reports_invalid_document_2() => ValidationHarness.ExpectErrors<NoFragmentCyclesRule>(
        "{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }",
        "Cannot spread fragment \"A\" within itself via \"B\", \"C\".");
}
