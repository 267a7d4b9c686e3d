using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterVariableDefinition(VariableDefinitionNode node)
        {
            var type = VariableCoercion.TypeFromAst(context.Schema, node.Type);
            if (type is not null && !type.IsInputType)
            {
                context.ReportError($"Variable \"${node.Variable.Name}\" cannot be non-input type \"{Printer.Print(node.Type)}\".", node.Type);
            }
        }
    }
}
