using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>CoerceArgumentValues (spec 6.4.1).</summary>
internal static class ArgumentCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(NamedCollection<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> arguments, IReadOnlyDictionary<string, object?> variables)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            ArgumentNode? node = null;
            foreach (var a in arguments)
            {
                if (a.Name == definition.Name)
                {
                    node = a;
                    break;
                }
            }

            var hasValue = node is not null;
            if (node?.Value is VariableNode variable)
            {
                hasValue = variables.ContainsKey(variable.Name);
            }

            if (!hasValue)
            {
                if (definition.HasDefaultValue)
                {
                    result[definition.Name] = definition.CoercedDefault;
                }
                else if (definition.Type.IsNonNull)
                {
                    throw new GraphQLException($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.", ErrorCodes.BadUserInput);
                }

                continue;
            }

            try
            {
                result[definition.Name] = ValueCoercion.CoerceLiteral(node!.Value, definition.Type, variables);
            }
            catch (GraphQLException ex)
            {
                throw new GraphQLException($"Argument \"{definition.Name}\" has invalid value {Printer.Print(node!.Value)}: {ex.Message}", ErrorCodes.BadUserInput);
            }
        }

        return result;
    }
}
