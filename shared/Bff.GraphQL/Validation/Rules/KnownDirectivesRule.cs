using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private readonly Stack<string> _locations = new();

        public override void EnterOperation(OperationDefinitionNode node) => _locations.Push(node.Operation switch
        {
            OperationType.Mutation => DirectiveLocations.Mutation,
            OperationType.Subscription => DirectiveLocations.Subscription,
            _ => DirectiveLocations.Query,
        });

        public override void LeaveOperation(OperationDefinitionNode node) => _locations.Pop();

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => _locations.Push(DirectiveLocations.FragmentDefinition);

        public override void LeaveFragmentDefinition(FragmentDefinitionNode node) => _locations.Pop();

        public override void EnterVariableDefinition(VariableDefinitionNode node) => _pendingVariable = node;

        public override void EnterSelectionSet(SelectionSetNode node) => _pendingVariable = null;

        public override void EnterField(FieldNode node) => _current = (node, DirectiveLocations.Field);

        public override void EnterFragmentSpread(FragmentSpreadNode node) => _current = (node, DirectiveLocations.FragmentSpread);

        public override void EnterInlineFragment(InlineFragmentNode node) => _current = (node, DirectiveLocations.InlineFragment);

        private VariableDefinitionNode? _pendingVariable;
        private (SyntaxNode Node, string Location)? _current;

        public override void EnterDirective(DirectiveNode node)
        {
            var definition = context.Directive;
            if (definition is null)
            {
                context.ReportError($"Unknown directive \"@{node.Name}\".", node);
                return;
            }

            var location = Locate(node);
            if (location is not null && !definition.Locations.Contains(location))
            {
                context.ReportError($"Directive \"@{node.Name}\" may not be used on {location}.", node);
            }
        }

        private string? Locate(DirectiveNode directive)
        {
            if (_pendingVariable is not null && _pendingVariable.Directives.Contains(directive))
            {
                return DirectiveLocations.VariableDefinition;
            }

            if (_current is { } c && c.Node switch
            {
                FieldNode f => f.Directives.Contains(directive),
                FragmentSpreadNode s => s.Directives.Contains(directive),
                InlineFragmentNode i => i.Directives.Contains(directive),
                _ => false,
            })
            {
                return c.Location;
            }

            return _locations.Count > 0 ? _locations.Peek() : null;
        }
    }
}
