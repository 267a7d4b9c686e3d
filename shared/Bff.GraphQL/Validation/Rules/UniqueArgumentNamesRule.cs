using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness.</summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterField(FieldNode node) => Check(node.Arguments);

        public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

        private void Check(IReadOnlyList<ArgumentNode> arguments)
        {
            if (arguments.Count < 2)
            {
                return;
            }

            foreach (var group in arguments.GroupBy(a => a.Name).Where(g => g.Count() > 1))
            {
                context.ReportError($"There can be only one argument named \"{group.Key}\".", [.. group]);
            }
        }
    }
}
