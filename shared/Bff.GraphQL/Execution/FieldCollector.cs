using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>CollectFields (spec 6.3.2): flattens fragments, applies @skip/@include and groups fields by response name.</summary>
internal static class FieldCollector
{
    public static CollectedFields Collect(ExecutionContext context, ObjectType type, SelectionSetNode selectionSet)
    {
        var grouped = new Dictionary<string, CollectedField>(StringComparer.Ordinal);
        var order = new List<CollectedField>();
        CollectInto(context, type, selectionSet, grouped, order, null);
        return new CollectedFields([.. order]);
    }

    public static CollectedFields CollectSubfields(ExecutionContext context, ObjectType type, CollectedField field)
    {
        var grouped = new Dictionary<string, CollectedField>(StringComparer.Ordinal);
        var order = new List<CollectedField>();
        HashSet<string>? visited = null;
        if (field.First.SelectionSet is { } first)
        {
            CollectInto(context, type, first, grouped, order, visited);
        }

        if (field.More is { } more)
        {
            foreach (var node in more)
            {
                if (node.SelectionSet is { } set)
                {
                    CollectInto(context, type, set, grouped, order, visited);
                }
            }
        }

        return new CollectedFields([.. order]);
    }

    private static void CollectInto(ExecutionContext context, ObjectType type, SelectionSetNode selectionSet, Dictionary<string, CollectedField> grouped, List<CollectedField> order, HashSet<string>? visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!ShouldInclude(context, field.Directives))
                    {
                        continue;
                    }

                    var key = field.ResponseName;
                    if (grouped.TryGetValue(key, out var existing))
                    {
                        (existing.More ??= []).Add(field);
                    }
                    else
                    {
                        var definition = field.Name == "__typename" ? null : context.GetFieldDefinition(type, field.Name);
                        if (definition is null && field.Name != "__typename")
                        {
                            // Unknown fields were rejected by validation; skipping keeps unvalidated execution safe.
                            continue;
                        }

                        var collected = new CollectedField(key, field, definition, type);
                        grouped[key] = collected;
                        order.Add(collected);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (!ShouldInclude(context, inline.Directives) || !DoesTypeApply(context.Schema, type, inline.TypeCondition?.Name))
                    {
                        continue;
                    }

                    CollectInto(context, type, inline.SelectionSet, grouped, order, visited);
                    break;
                case FragmentSpreadNode spread:
                    if (!ShouldInclude(context, spread.Directives))
                    {
                        continue;
                    }

                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visited.Add(spread.Name) || !context.Fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        continue;
                    }

                    if (!DoesTypeApply(context.Schema, type, fragment.TypeCondition.Name))
                    {
                        continue;
                    }

                    CollectInto(context, type, fragment.SelectionSet, grouped, order, visited);
                    break;
            }
        }
    }

    private static bool DoesTypeApply(Schema schema, ObjectType type, string? condition)
    {
        if (condition is null || condition == type.Name)
        {
            return true;
        }

        var conditionType = schema.GetType(condition);
        return conditionType is not null && conditionType.IsAbstract && schema.IsSubType(conditionType, type);
    }

    /// <summary>@skip(if:) and @include(if:) (spec 3.13.1, 3.13.2).</summary>
    public static bool ShouldInclude(ExecutionContext context, IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            if (directive.Name == "skip" && IfArgument(context, directive))
            {
                return false;
            }

            if (directive.Name == "include" && !IfArgument(context, directive))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IfArgument(ExecutionContext context, DirectiveNode directive)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name == "if")
            {
                return ValueCoercion.CoerceLiteral(argument.Value, new NonNullType(BuiltInScalars.Boolean), context.Variables) is true;
            }
        }

        return false;
    }
}
