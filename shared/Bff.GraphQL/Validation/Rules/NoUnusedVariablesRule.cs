using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used.</summary>
public sealed class NoUnusedVariablesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var op in node.Definitions.OfType<OperationDefinitionNode>())
            {
                var used = context.GetRecursiveVariableUsages(op).Select(u => u.Node.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var definition in op.VariableDefinitions)
                {
                    if (!used.Contains(definition.Variable.Name))
                    {
                        context.ReportError(
                            op.Name is null
                                ? $"Variable \"${definition.Variable.Name}\" is never used."
                                : $"Variable \"${definition.Variable.Name}\" is never used in operation \"{op.Name}\".",
                            definition);
                    }
                }
            }
        }
    }
}
