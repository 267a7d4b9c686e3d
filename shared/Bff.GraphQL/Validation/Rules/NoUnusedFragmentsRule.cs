using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used.</summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in node.Definitions.OfType<OperationDefinitionNode>())
            {
                foreach (var fragment in context.GetRecursivelyReferencedFragments(op))
                {
                    used.Add(fragment.Name);
                }
            }

            foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
            {
                if (!used.Contains(fragment.Name))
                {
                    context.ReportError($"Fragment \"{fragment.Name}\" is never used.", fragment);
                }
            }
        }
    }
}
