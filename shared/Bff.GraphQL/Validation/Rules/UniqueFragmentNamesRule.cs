using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private readonly Dictionary<string, FragmentDefinitionNode> _seen = new(StringComparer.Ordinal);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (_seen.TryGetValue(node.Name, out var first))
            {
                context.ReportError($"There can be only one fragment named \"{node.Name}\".", first, node);
            }
            else
            {
                _seen[node.Name] = node;
            }
        }
    }
}
