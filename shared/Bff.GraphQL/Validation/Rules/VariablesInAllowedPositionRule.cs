using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.5 All Variable Usages Are Allowed (IsVariableUsageAllowed), including @oneOf positions.</summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            foreach (var op in node.Definitions.OfType<OperationDefinitionNode>())
            {
                var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
                foreach (var d in op.VariableDefinitions)
                {
                    definitions.TryAdd(d.Variable.Name, d);
                }

                foreach (var usage in context.GetRecursiveVariableUsages(op))
                {
                    if (usage.Type is null || !definitions.TryGetValue(usage.Node.Name, out var definition))
                    {
                        continue;
                    }

                    var variableType = VariableCoercion.TypeFromAst(context.Schema, definition.Type);
                    if (variableType is null)
                    {
                        continue;
                    }

                    if (!Allowed(variableType, definition.DefaultValue, usage.Type, usage.LocationHasDefault))
                    {
                        context.ReportError($"Variable \"${usage.Node.Name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
                    }
                }
            }
        }

        private bool Allowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
        {
            if (locationType is NonNullType nn && variableType is not NonNullType)
            {
                var hasNonNullDefault = variableDefault is not null and not NullValueNode;
                if (!hasNonNullDefault && !locationHasDefault)
                {
                    return false;
                }

                return IsSubType(variableType, nn.OfType);
            }

            return IsSubType(variableType, locationType);
        }

        private bool IsSubType(GraphQLType maybeSub, GraphQLType super)
        {
            if (ReferenceEquals(maybeSub, super))
            {
                return true;
            }

            if (super is NonNullType sn)
            {
                return maybeSub is NonNullType mn && IsSubType(mn.OfType, sn.OfType);
            }

            if (maybeSub is NonNullType m)
            {
                return IsSubType(m.OfType, super);
            }

            if (super is ListType sl)
            {
                return maybeSub is ListType ml && IsSubType(ml.OfType, sl.OfType);
            }

            return maybeSub is not ListType && ReferenceEquals(maybeSub.Named, super.Named);
        }
    }
}
