using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is { } condition && context.Schema.GetType(condition.Name) is { IsComposite: false })
            {
                context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name}\".", condition);
            }
        }

        public override void EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (context.Schema.GetType(node.TypeCondition.Name) is { IsComposite: false })
            {
                context.ReportError($"Fragment \"{node.Name}\" cannot condition on non composite type \"{node.TypeCondition.Name}\".", node.TypeCondition);
            }
        }
    }
}
