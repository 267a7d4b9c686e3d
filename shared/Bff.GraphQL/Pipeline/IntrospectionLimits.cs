using Bff.GraphQL.Language;

namespace Bff.GraphQL.Pipeline;

/// <summary>
/// The rule for introspection (as in Apollo Server and Hot Chocolate): fields under <c>__schema</c> and <c>__type</c>
/// count towards neither data depth nor cost, so the standard tool queries (graphql-js <c>getIntrospectionQuery()</c>
/// nests <c>ofType</c> nine levels) pass the data limits; instead the document's <c>__schema</c>/<c>__type</c> fields,
/// the <c>ofType</c> nesting and the nesting of the type lists (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c>: each level multiplies the answer by the schema's size) are capped.
/// </summary>
internal static class IntrospectionLimits
{
    /// <summary>Refuses a document with more <c>__schema</c>/<c>__type</c> fields (aliases included) than allowed.</summary>
    public static GraphQLError? CheckFieldCount(DocumentNode document, GraphQLOptions options)
    {
        var count = 0;
        var stack = new Stack<SelectionSetNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    stack.Push(operation.SelectionSet);
                    break;
                case FragmentDefinitionNode fragment:
                    stack.Push(fragment.SelectionSet);
                    break;
            }
        }

        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FieldNode { Name: "__schema" or "__type" } field when ++count > options.MaxIntrospectionFields:
                        return GraphQLError.At(
                            $"Document has more than the maximum of {options.MaxIntrospectionFields} __schema/__type fields.",
                            ErrorCodes.TooManyIntrospectionFields,
                            field);
                    case FieldNode { SelectionSet: { } set }:
                        stack.Push(set);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The nesting below <paramref name="field"/> (a field of an introspection type) and, when it breaks a cap, the error.
    /// </summary>
    public static (IntrospectionNesting Nesting, GraphQLError? Error) Enter(IntrospectionNesting nesting, FieldNode field, GraphQLOptions options)
    {
        switch (field.Name)
        {
            case "ofType":
                nesting = nesting with { OfType = nesting.OfType + 1 };
                return (nesting, nesting.OfType > options.MaxIntrospectionOfTypeDepth
                    ? GraphQLError.At($"Introspection nests ofType deeper than the maximum of {options.MaxIntrospectionOfTypeDepth}.", ErrorCodes.IntrospectionTooDeep, field)
                    : null);
            case "fields" or "inputFields" or "interfaces" or "possibleTypes":
                nesting = nesting with { TypeLists = nesting.TypeLists + 1 };
                return (nesting, nesting.TypeLists > options.MaxIntrospectionListDepth
                    ? GraphQLError.At($"Introspection nests type lists (fields, inputFields, interfaces, possibleTypes) deeper than the maximum of {options.MaxIntrospectionListDepth}.", ErrorCodes.IntrospectionTooDeep, field)
                    : null);
            default:
                return (nesting, null);
        }
    }
}
