using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined (through every fragment the operation uses).</summary>
public sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var op in node.Definitions.OfType<OperationDefinitionNode>())
            {
                var defined = op.VariableDefinitions.Select(v => v.Variable.Name).ToHashSet(StringComparer.Ordinal);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var usage in context.GetRecursiveVariableUsages(op))
                {
                    var name = usage.Node.Name;
                    if (!defined.Contains(name) && reported.Add(name))
                    {
                        context.ReportError(
                            op.Name is null ? $"Variable \"${name}\" is not defined." : $"Variable \"${name}\" is not defined by operation \"{op.Name}\".",
                            usage.Node,
                            op);
                    }
                }
            }
        }
    }
}
