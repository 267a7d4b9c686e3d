using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private int _operations;

        public override void EnterDocument(DocumentNode node) => _operations = node.Definitions.Count(d => d is OperationDefinitionNode);

        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Name is null && _operations > 1)
            {
                context.ReportError("This anonymous operation must be the only defined operation.", node);
            }
        }
    }
}
