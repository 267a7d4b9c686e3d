using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: the field must be defined on the parent type.</summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterField(FieldNode node)
        {
            if (context.FieldParentType is { } parent && context.FieldDefinition is null)
            {
                context.ReportError($"Cannot query field \"{node.Name}\" on type \"{parent.Name}\".", node);
            }
        }
    }
}
