using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Operation Type Existence (spec draft 5.2.1): the schema must define the operation's root type.</summary>
public sealed class KnownOperationTypesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node)
        {
            if (context.Schema.GetRootType(node.Operation) is null)
            {
                context.ReportError($"The {node.Operation.ToString().ToLowerInvariant()} operation is not supported by the schema.", node);
            }
        }
    }
}
