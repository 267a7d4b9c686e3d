using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location (repeatable directives excepted).</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node) => Check(node.Directives);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);

        public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);

        public override void EnterField(FieldNode node) => Check(node.Directives);

        public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);

        public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

        private void Check(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count < 2)
            {
                return;
            }

            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                if (context.Schema.GetDirective(directive.Name) is { IsRepeatable: true })
                {
                    continue;
                }

                if (seen.TryGetValue(directive.Name, out var first))
                {
                    context.ReportError($"The directive \"@{directive.Name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[directive.Name] = directive;
                }
            }
        }
    }
}
