using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: only operations and fragments may appear in a request document.</summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterOtherDefinition(DefinitionNode node)
        {
            var name = node switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode t => "\"" + t.Name + "\"",
                TypeExtensionNode t => "\"" + t.Name + "\"",
                DirectiveDefinitionNode d => "\"" + d.Name + "\"",
                _ => "unknown",
            };
            context.ReportError($"The {name} definition is not executable.", node);
        }
    }
}
