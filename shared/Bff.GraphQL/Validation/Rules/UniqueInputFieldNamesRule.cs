using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
public sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterValue(ValueNode node)
        {
            if (node is not ObjectValueNode { Fields.Count: > 1 } obj)
            {
                return;
            }

            foreach (var group in obj.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            {
                context.ReportError($"There can be only one input field named \"{group.Key}\".", [.. group]);
            }
        }
    }
}
