using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1.1 Operation Name Uniqueness.</summary>
public sealed class UniqueOperationNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private readonly Dictionary<string, OperationDefinitionNode> _seen = new(StringComparer.Ordinal);

        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (node.Name is null)
            {
                return;
            }

            if (_seen.TryGetValue(node.Name, out var first))
            {
                context.ReportError($"There can be only one operation named \"{node.Name}\".", first, node);
            }
            else
            {
                _seen[node.Name] = node;
            }
        }
    }
}
