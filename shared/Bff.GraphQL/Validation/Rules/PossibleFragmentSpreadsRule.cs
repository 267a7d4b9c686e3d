using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible: the fragment's type and the parent type must share a possible object type.</summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is null || context.ParentType is not { } parent || context.Schema.GetType(node.TypeCondition.Name) is not { IsComposite: true } fragType)
            {
                return;
            }

            if (!Overlap(context.Schema, parent, fragType))
            {
                context.ReportError($"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragType.Name}\".", node);
            }
        }

        public override void EnterFragmentSpread(FragmentSpreadNode node)
        {
            if (context.ParentType is not { } parent || context.GetFragment(node.Name) is not { } fragment
                || context.Schema.GetType(fragment.TypeCondition.Name) is not { IsComposite: true } fragType)
            {
                return;
            }

            if (!Overlap(context.Schema, parent, fragType))
            {
                context.ReportError($"Fragment \"{node.Name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragType.Name}\".", node);
            }
        }

        private static bool Overlap(Schema schema, NamedType a, NamedType b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            var possibleA = schema.GetPossibleTypes(a);
            var possibleB = schema.GetPossibleTypes(b);
            return possibleA.Any(t => possibleB.Contains(t));
        }
    }
}
