using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Pipeline;

/// <summary>
/// Measures an operation before it runs: depth, aliases, root fields, directives, cost and introspection use
/// (introspection has its own limits, <see cref="IntrospectionLimits"/>). Fragments are expanded with memoized, cycle-safe traversal so a hostile document stays cheap to measure.
/// </summary>
internal static class OperationLimits
{
    public static GraphQLError? Check(Schema schema, DocumentNode document, OperationDefinitionNode operation, GraphQLOptions options)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        var directives = 0;
        foreach (var d in document.Definitions)
        {
            if (d is FragmentDefinitionNode f)
            {
                fragments.TryAdd(f.Name, f);
            }
        }

        if (options.EnableIntrospection && IntrospectionLimits.CheckFieldCount(document, options) is { } introspectionError)
        {
            return introspectionError;
        }

        var walker = new Walker(schema, fragments, options);
        var root = schema.GetRootType(operation.Operation);
        var rootFields = walker.CountRootFields(operation.SelectionSet, new HashSet<string>(StringComparer.Ordinal));
        if (rootFields > options.MaxRootFields)
        {
            return Error($"Operation has {rootFields} root fields, more than the maximum of {options.MaxRootFields}.", ErrorCodes.TooManyRootFields, operation);
        }

        directives += CountDirectives(document);
        if (directives > options.MaxDirectives)
        {
            return Error($"Document uses {directives} directives, more than the maximum of {options.MaxDirectives}.", ErrorCodes.TooManyDirectives, operation);
        }

        walker.Walk(root, operation.SelectionSet, 1, 1, null, new HashSet<string>(StringComparer.Ordinal));
        if (walker.Failure is not null)
        {
            return walker.Failure;
        }

        if (walker.Aliases > options.MaxAliases)
        {
            return Error($"Operation uses {walker.Aliases} aliases, more than the maximum of {options.MaxAliases}.", ErrorCodes.TooManyAliases, operation);
        }

        return null;
    }

    private static GraphQLError Error(string message, string code, SyntaxNode node) => GraphQLError.At(message, code, node);

    private static int CountDirectives(DocumentNode document)
    {
        var count = 0;
        var stack = new Stack<SelectionSetNode>();
        foreach (var d in document.Definitions)
        {
            switch (d)
            {
                case OperationDefinitionNode op:
                    count += op.Directives.Count + op.VariableDefinitions.Sum(v => v.Directives.Count);
                    stack.Push(op.SelectionSet);
                    break;
                case FragmentDefinitionNode f:
                    count += f.Directives.Count;
                    stack.Push(f.SelectionSet);
                    break;
            }
        }

        while (stack.Count > 0)
        {
            foreach (var s in stack.Pop().Selections)
            {
                switch (s)
                {
                    case FieldNode field:
                        count += field.Directives.Count;
                        if (field.SelectionSet is not null)
                        {
                            stack.Push(field.SelectionSet);
                        }

                        break;
                    case InlineFragmentNode inline:
                        count += inline.Directives.Count;
                        stack.Push(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread:
                        count += spread.Directives.Count;
                        break;
                }
            }
        }

        return count;
    }

    private sealed class Walker(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, GraphQLOptions options)
    {
        private long _cost;
        private int _visits;

        public int Aliases { get; private set; }

        public GraphQLError? Failure { get; private set; }

        public int CountRootFields(SelectionSetNode set, HashSet<string> visited)
        {
            var count = 0;
            foreach (var s in set.Selections)
            {
                count += s switch
                {
                    FieldNode => 1,
                    InlineFragmentNode i => CountRootFields(i.SelectionSet, visited),
                    FragmentSpreadNode f when visited.Add(f.Name) && fragments.TryGetValue(f.Name, out var frag) => CountRootFields(frag.SelectionSet, visited),
                    _ => 0,
                };
            }

            return count;
        }

        /// <summary>Depth-first walk; stops at the first limit broken. <paramref name="introspection"/> is null outside introspection.</summary>
        public void Walk(NamedType? parent, SelectionSetNode set, int depth, long multiplier, IntrospectionNesting? introspection, HashSet<string> fragmentPath)
        {
            foreach (var selection in set.Selections)
            {
                if (Failure is not null)
                {
                    return;
                }

                // Fragments spread several times fan out; a visit budget keeps measurement linear-ish.
                if (++_visits > 100_000)
                {
                    Failure = GraphQLError.At("Operation is too complex to analyse.", ErrorCodes.TooComplex, selection);
                    return;
                }

                switch (selection)
                {
                    case FieldNode field:
                        WalkField(parent, field, depth, multiplier, introspection, fragmentPath);
                        break;
                    case InlineFragmentNode inline:
                        Walk(inline.TypeCondition is null ? parent : schema.GetType(inline.TypeCondition.Name), inline.SelectionSet, depth, multiplier, introspection, fragmentPath);
                        break;
                    case FragmentSpreadNode spread:
                        // A fragment on the current path would be a cycle (rejected by validation); do not follow it.
                        if (fragments.TryGetValue(spread.Name, out var fragment) && fragmentPath.Add(spread.Name))
                        {
                            Walk(schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet, depth, multiplier, introspection, fragmentPath);
                            fragmentPath.Remove(spread.Name);
                        }

                        break;
                }
            }
        }

        private void WalkField(NamedType? parent, FieldNode field, int depth, long multiplier, IntrospectionNesting? introspection, HashSet<string> fragmentPath)
        {
            if (field.Alias is not null)
            {
                Aliases++;
                if (Aliases > options.MaxAliases)
                {
                    Failure = GraphQLError.At($"Operation uses more than the maximum of {options.MaxAliases} aliases.", ErrorCodes.TooManyAliases, field);
                    return;
                }
            }

            var isIntrospection = field.Name is "__schema" or "__type";
            if (isIntrospection && !options.EnableIntrospection)
            {
                Failure = GraphQLError.At("Introspection is disabled on this server.", ErrorCodes.IntrospectionDisabled, field);
                return;
            }

            if (isIntrospection)
            {
                introspection = new IntrospectionNesting(0, 0);
            }
            else if (introspection is { } nesting)
            {
                (introspection, Failure) = IntrospectionLimits.Enter(nesting, field, options);
                if (Failure is not null)
                {
                    return;
                }
            }
            else if (depth > options.MaxDepth)
            {
                Failure = GraphQLError.At($"Operation exceeds the maximum depth of {options.MaxDepth}.", ErrorCodes.TooDeep, field);
                return;
            }

            // Introspection is measured by its own limits above: it adds neither depth nor cost.
            var definition = introspection is null && !field.Name.StartsWith("__", StringComparison.Ordinal) ? (parent as IComplexOutputType)?.Fields[field.Name] : null;
            var childMultiplier = multiplier;
            if (definition is not null)
            {
                _cost += IsBatched(definition, field) ? definition.Cost : definition.Cost * multiplier;
                if (IsList(definition.Type))
                {
                    childMultiplier = Math.Min(multiplier * Math.Max(1, definition.ListSizeEstimate), int.MaxValue);
                }

                if (_cost > options.MaxComplexity)
                {
                    Failure = GraphQLError.At($"Operation cost exceeds the maximum complexity of {options.MaxComplexity}.", ErrorCodes.TooComplex, field);
                    return;
                }
            }

            if (field.SelectionSet is not null)
            {
                var childParent = field.Name switch
                {
                    "__schema" => schema.GetType("__Schema"),
                    "__type" => schema.GetType("__Type"),
                    _ => (parent as IComplexOutputType)?.Fields[field.Name]?.Type.Named,
                };
                Walk(childParent, field.SelectionSet, introspection is null ? depth + 1 : depth, childMultiplier, introspection, fragmentPath);
            }
        }

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;

        // A batched field is one call per place in the document, whatever the number of parents.
        private static bool IsBatched(FieldDefinition definition, FieldNode field) =>
            definition.IsBatched
            && (definition.UnbatchedWith is not { } argument
                || !field.Arguments.Any(a => a.Name == argument && a.Value is not NullValueNode));
    }
}
