using Bff.GraphQL.Language;
using Bff.GraphQL.Types;
using Bff.GraphQL.Validation;

namespace Bff.GraphQL.Tests.Validation;

/// <summary>Shared harness for rule tests: one schema (the test schema), ExpectValid / ExpectErrors for a single rule.</summary>
public static class ValidationHarness
{
    private static readonly Lazy<Schema> SharedSchema = new(() => TestSchema.Create());

    public static void ExpectValid<TRule>(string query)
        where TRule : ValidationRule, new()
    {
        var errors = Run<TRule>(query);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
    }

    public static void ExpectErrors<TRule>(string query, params string[] messages)
        where TRule : ValidationRule, new()
    {
        var errors = Run<TRule>(query);
        Assert.Equal(messages, errors.Select(e => e.Message).ToArray());
        Assert.All(errors, e => Assert.Equal(typeof(TRule).Name, e.Rule));
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ValidationFailed, e.Code));
    }

    private static IReadOnlyList<GraphQLError> Run<TRule>(string query)
        where TRule : ValidationRule, new()
        => DocumentValidator.Validate(SharedSchema.Value, Parser.Parse(query), [new TRule()]);
}
