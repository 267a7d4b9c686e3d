using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.2 / 5.8.2: every named type in fragments and variable definitions must exist in the schema.</summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Type);

        public override void EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is not null)
            {
                Check(node.TypeCondition);
            }
        }

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.TypeCondition);

        private void Check(TypeNode type)
        {
            while (type is not NamedTypeNode)
            {
                type = type is ListTypeNode l ? l.Type : ((NonNullTypeNode)type).Type;
            }

            var named = (NamedTypeNode)type;
            if (context.Schema.GetType(named.Name) is null)
            {
                context.ReportError($"Unknown type \"{named.Name}\".{Utilities.Suggestions.DidYouMean(named.Name, context.Schema.Types.Select(t => t.Name))}", named);
            }
        }
    }
}
