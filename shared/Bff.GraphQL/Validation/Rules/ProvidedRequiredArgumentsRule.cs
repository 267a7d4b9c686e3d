using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default must be given.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void LeaveField(FieldNode node)
        {
            if (context.FieldDefinition is not { } field || context.FieldParentType is not { } parent)
            {
                return;
            }

            foreach (var arg in field.Arguments)
            {
                if (arg.Type.IsNonNull && !arg.HasDefaultValue && !node.Arguments.Any(a => a.Name == arg.Name))
                {
                    context.ReportError($"Argument \"{parent.Name}.{field.Name}({arg.Name}:)\" of type \"{arg.Type}\" is required, but it was not provided.", node);
                }
            }
        }

        public override void LeaveDirective(DirectiveNode node)
        {
            if (context.Directive is not { } directive)
            {
                return;
            }

            foreach (var arg in directive.Arguments)
            {
                if (arg.Type.IsNonNull && !arg.HasDefaultValue && !node.Arguments.Any(a => a.Name == arg.Name))
                {
                    context.ReportError($"Argument \"@{directive.Name}({arg.Name}:)\" of type \"{arg.Type}\" is required, but it was not provided.", node);
                }
            }
        }
    }
}
