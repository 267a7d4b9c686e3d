using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: the field must be defined on the parent type.</summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        // graphql-js: types that have the field, interfaces first (most implementations first), then objects.
        private string InlineFragmentHint(Types.NamedType parent, string field)
        {
            var possible = context.Schema.GetPossibleTypes(parent);
            var objects = possible.Where(t => t.Fields.Contains(field)).ToList();
            var interfaces = objects.SelectMany(o => AllInterfaces(o)).Distinct().Where(i => i.Fields.Contains(field))
                .Select(i => (Type: i, Count: objects.Count(o => AllInterfaces(o).Contains(i))))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Type.Name, StringComparer.Ordinal).Select(x => x.Type.Name);
            var names = interfaces.Concat(objects.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal)).ToList();
            return names.Count == 0 ? string.Empty : Utilities.Suggestions.Format(names).Replace(" Did you mean ", " Did you mean to use an inline fragment on ", StringComparison.Ordinal);
        }

        private static IEnumerable<Types.InterfaceType> AllInterfaces(Types.IComplexOutputType type)
            => type.Interfaces.Concat(type.Interfaces.SelectMany(AllInterfaces));

        public override void EnterField(FieldNode node)
        {
            if (context.FieldParentType is { } parent && context.FieldDefinition is null)
            {
                var hint = parent.IsAbstract
                    ? InlineFragmentHint(parent, node.Name)
                    : Utilities.Suggestions.DidYouMean(node.Name, (parent as Types.IComplexOutputType)?.Fields.Select(f => f.Name) ?? []);
                context.ReportError($"Cannot query field \"{node.Name}\" on type \"{parent.Name}\".{hint}", node);
            }
        }
    }
}
