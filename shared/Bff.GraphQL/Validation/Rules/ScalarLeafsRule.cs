using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterField(FieldNode node)
        {
            if (context.Type is not { } type)
            {
                return;
            }

            if (type.Named.IsLeaf)
            {
                if (node.SelectionSet is not null)
                {
                    context.ReportError($"Field \"{node.Name}\" must not have a selection since type \"{type}\" has no subfields.", node.SelectionSet);
                }
            }
            else if (node.SelectionSet is null)
            {
                context.ReportError($"Field \"{node.Name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{node.Name} {{ ... }}\"?", node);
            }
            else if (node.SelectionSet.Selections.Count == 0)
            {
                context.ReportError($"Field \"{node.Name}\" of type \"{type}\" must have at least one field selected.", node);
            }
        }
    }
}
