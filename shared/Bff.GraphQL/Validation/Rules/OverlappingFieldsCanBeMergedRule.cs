using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging (FieldsInSetCanMerge, SameResponseShape): fields with the same response
/// name must be the same field with the same arguments, unless their parents are different object types,
/// and must always have compatible response shapes. Fragments are flattened into the set being checked.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed record FieldEntry(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterSelectionSet(SelectionSetNode node)
        {
            var fieldMap = Collect(context.ParentType, node);
            foreach (var (responseName, fields) in fieldMap)
            {
                for (var i = 0; i < fields.Count; i++)
                {
                    for (var j = i + 1; j < fields.Count; j++)
                    {
                        if (FindConflict(responseName, fields[i], fields[j], false, 0) is { } conflict)
                        {
                            context.ReportError(
                                $"Fields \"{conflict.ResponseName}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                                [.. conflict.Fields1, .. conflict.Fields2]);
                            goto nextName;
                        }
                    }
                }

            nextName:;
            }
        }

        private Dictionary<string, List<FieldEntry>> Collect(NamedType? parentType, SelectionSetNode set)
        {
            var map = new Dictionary<string, List<FieldEntry>>(StringComparer.Ordinal);
            CollectInto(parentType, set, map, new HashSet<string>(StringComparer.Ordinal));
            return map;
        }

        private void CollectInto(NamedType? parentType, SelectionSetNode set, Dictionary<string, List<FieldEntry>> map, HashSet<string> visited)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        var definition = context.LookupField(parentType, field.Name);
                        if (!map.TryGetValue(field.ResponseName, out var list))
                        {
                            map[field.ResponseName] = list = [];
                        }

                        list.Add(new FieldEntry(parentType, field, definition));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : context.Schema.GetType(inline.TypeCondition.Name);
                        CollectInto(inlineType, inline.SelectionSet, map, visited);
                        break;
                    case FragmentSpreadNode spread:
                        if (visited.Add(spread.Name) && context.GetFragment(spread.Name) is { } fragment)
                        {
                            CollectInto(context.Schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet, map, visited);
                        }

                        break;
                }
            }
        }

        private Conflict? FindConflict(string responseName, FieldEntry f1, FieldEntry f2, bool parentsMutuallyExclusive, int depth)
        {
            if (ReferenceEquals(f1.Node, f2.Node) || depth > 64)
            {
                return null;
            }

            var exclusive = parentsMutuallyExclusive
                || (!ReferenceEquals(f1.ParentType, f2.ParentType) && f1.ParentType is ObjectType && f2.ParentType is ObjectType);
            if (!exclusive)
            {
                if (f1.Node.Name != f2.Node.Name)
                {
                    return new Conflict(responseName, $"\"{f1.Node.Name}\" and \"{f2.Node.Name}\" are different fields", [f1.Node], [f2.Node]);
                }

                if (!SameArguments(f1.Node.Arguments, f2.Node.Arguments))
                {
                    return new Conflict(responseName, "they have differing arguments", [f1.Node], [f2.Node]);
                }
            }

            var type1 = f1.Definition?.Type;
            var type2 = f2.Definition?.Type;
            if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
            {
                return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [f1.Node], [f2.Node]);
            }

            if (f1.Node.SelectionSet is { } s1 && f2.Node.SelectionSet is { } s2)
            {
                var map1 = Collect(type1?.Named, s1);
                var map2 = Collect(type2?.Named, s2);
                var sub = new List<Conflict>();
                foreach (var (name, fields1) in map1)
                {
                    if (!map2.TryGetValue(name, out var fields2))
                    {
                        continue;
                    }

                    foreach (var a in fields1)
                    {
                        foreach (var b in fields2)
                        {
                            if (FindConflict(name, a, b, exclusive, depth + 1) is { } c)
                            {
                                sub.Add(c);
                                goto nextName;
                            }
                        }
                    }

                nextName:;
                }

                if (sub.Count > 0)
                {
                    var reason = string.Join(" and ", sub.Select(c => $"subfields \"{c.ResponseName}\" conflict because {c.Reason}"));
                    return new Conflict(responseName, reason, [f1.Node, .. sub.SelectMany(c => c.Fields1)], [f2.Node, .. sub.SelectMany(c => c.Fields2)]);
                }
            }

            return null;
        }

        private static bool TypesConflict(GraphQLType a, GraphQLType b)
        {
            if (a is ListType la)
            {
                return b is not ListType lb || TypesConflict(la.OfType, lb.OfType);
            }

            if (b is ListType)
            {
                return true;
            }

            if (a is NonNullType na)
            {
                return b is not NonNullType nb || TypesConflict(na.OfType, nb.OfType);
            }

            if (b is NonNullType)
            {
                return true;
            }

            if (a.IsLeaf || b.IsLeaf)
            {
                return !ReferenceEquals(a, b);
            }

            return false;
        }

        private static bool SameArguments(IReadOnlyList<ArgumentNode> a, IReadOnlyList<ArgumentNode> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var arg in a)
            {
                var other = b.FirstOrDefault(x => x.Name == arg.Name);
                if (other is null || Printer.Print(arg.Value) != Printer.Print(other.Value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
