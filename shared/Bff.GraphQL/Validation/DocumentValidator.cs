using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation;

/// <summary>Validates an executable document against a schema (spec section 5) with <see cref="SpecifiedRules.All"/> or given rules.</summary>
public static class DocumentValidator
{
    /// <summary>Returns every error found (at most <paramref name="maxErrors"/>, as graphql-js caps them at 100).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<ValidationRule>? rules = null, int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var context = new ValidationContext(schema, document, maxErrors);
        context.Run(rules ?? SpecifiedRules.All);
        return context.Errors;
    }
}
