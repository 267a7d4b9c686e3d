using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>CoerceVariableValues (spec 6.4.1): checks and converts the request's variables against the operation's definitions.</summary>
internal static class VariableCoercion
{
    public static IReadOnlyDictionary<string, object?> Coerce(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var type = TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(GraphQLError.At($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", ErrorCodes.BadUserInput, definition));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    result[name] = ValueCoercion.CoerceLiteral(definition.DefaultValue, type, null);
                }
                else if (type.IsNonNull)
                {
                    errors.Add(GraphQLError.At($"Variable \"${name}\" of required type \"{type}\" was not provided.", ErrorCodes.BadUserInput, definition));
                }

                continue;
            }

            if (value is null && type.IsNonNull)
            {
                errors.Add(GraphQLError.At($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", ErrorCodes.BadUserInput, definition));
                continue;
            }

            var problems = new List<(string Path, string Message)>();
            var coerced = ValueCoercion.CoerceInputValue(value, type, problems);
            if (problems.Count > 0)
            {
                foreach (var (path, message) in problems)
                {
                    errors.Add(GraphQLError.At($"Variable \"${name}\" has invalid value{path}: {message}", ErrorCodes.BadUserInput, definition));
                }

                continue;
            }

            result[name] = coerced;
        }

        return result;
    }

    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nn => TypeFromAst(schema, nn.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode n => schema.GetType(n.Name),
        _ => null,
    };
}
