using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.3.1 Single Root Field for subscriptions (after fragment expansion, no introspection, no @skip/@include).</summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } root)
            {
                return;
            }

            var label = node.Name is null ? "Anonymous Subscription" : $"Subscription \"{node.Name}\"";
            var fields = new List<FieldNode>();
            var conditional = new List<DirectiveNode>();
            Collect(node.SelectionSet, root, fields, conditional, new HashSet<string>(StringComparer.Ordinal));
            if (conditional.Count > 0)
            {
                context.ReportError($"{label} must not use `@skip` or `@include` directives in the top level selection.", [.. conditional]);
                return;
            }

            var names = fields.Select(f => f.ResponseName).Distinct().ToList();
            if (names.Count > 1)
            {
                context.ReportError($"{label} must select only one top level field.", [.. fields.Where(f => f.ResponseName != names[0])]);
            }

            foreach (var f in fields.Where(f => f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                context.ReportError($"{label} must not select an introspection top level field.", f);
            }
        }

        private void Collect(SelectionSetNode set, ObjectType root, List<FieldNode> fields, List<DirectiveNode> conditional, HashSet<string> visited)
        {
            foreach (var selection in set.Selections)
            {
                IReadOnlyList<DirectiveNode> directives = selection switch
                {
                    FieldNode f => f.Directives,
                    InlineFragmentNode i => i.Directives,
                    FragmentSpreadNode s => s.Directives,
                    _ => [],
                };
                conditional.AddRange(directives.Where(d => d.Name is "skip" or "include"));
                switch (selection)
                {
                    case FieldNode f:
                        fields.Add(f);
                        break;
                    case InlineFragmentNode i:
                        Collect(i.SelectionSet, root, fields, conditional, visited);
                        break;
                    case FragmentSpreadNode s when visited.Add(s.Name) && context.GetFragment(s.Name) is { } fragment:
                        Collect(fragment.SelectionSet, root, fields, conditional, visited);
                        break;
                }
            }
        }
    }
}
