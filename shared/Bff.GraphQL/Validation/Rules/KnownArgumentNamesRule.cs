using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument must be defined by the field or directive.</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private DirectiveNode? _directive;

        public override void EnterDirective(DirectiveNode node) => _directive = node;

        public override void LeaveDirective(DirectiveNode node) => _directive = null;

        public override void EnterArgument(ArgumentNode node)
        {
            if (context.Argument is not null)
            {
                return;
            }

            if (_directive is not null)
            {
                if (context.Directive is not null)
                {
                    context.ReportError($"Unknown argument \"{node.Name}\" on directive \"@{_directive.Name}\".{Utilities.Suggestions.DidYouMean(node.Name, context.Directive.Arguments.Select(a => a.Name))}", node);
                }
            }
            else if (context.FieldDefinition is not null && context.FieldParentType is { } parent)
            {
                context.ReportError($"Unknown argument \"{node.Name}\" on field \"{parent.Name}.{context.FieldDefinition.Name}\".{Utilities.Suggestions.DidYouMean(node.Name, context.FieldDefinition.Arguments.Select(a => a.Name))}", node);
            }
        }
    }
}
