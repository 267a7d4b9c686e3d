using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.1 Values of Correct Type: every literal must be coercible to the input type expected where it stands.</summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        public override void EnterValue(ValueNode node)
        {
            var type = context.InputType;
            switch (node)
            {
                case VariableNode:
                    return;
                case NullValueNode:
                    if (type is NonNullType)
                    {
                        context.ReportError($"Expected value of non-null type \"{type}\" not to be null.", node);
                    }

                    return;
                case ListValueNode:
                    // Items are checked one by one against the item type; a list where a non-list is expected is checked as a whole.
                    if (type?.Nullable is not ListType && type is not null)
                    {
                        CheckLeafOrObject(node, type);
                    }

                    return;
                default:
                    if (type is not null)
                    {
                        CheckLeafOrObject(node, type);
                    }

                    return;
            }
        }

        private void CheckLeafOrObject(ValueNode node, GraphQLType type)
        {
            var named = type.Named;
            if (type.Nullable is ListType)
            {
                // A single value where a list is expected is coerced to a list of one (spec 3.11 input coercion).
                CheckLeafOrObject(node, ((ListType)type.Nullable).OfType);
                return;
            }

            switch (named)
            {
                case InputObjectType input:
                    if (node is not ObjectValueNode obj)
                    {
                        context.ReportError($"Expected value of type \"{type}\", found {Printer.Print(node)}.", node);
                        return;
                    }

                    foreach (var field in input.Fields)
                    {
                        if (field.Type.IsNonNull && !field.HasDefaultValue && !obj.Fields.Any(f => f.Name == field.Name))
                        {
                            context.ReportError($"Field \"{input.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
                        }
                    }

                    foreach (var f in obj.Fields)
                    {
                        if (!input.Fields.Contains(f.Name))
                        {
                            context.ReportError($"Expected value of type \"{input.Name}\" not to include unknown field \"{f.Name}\".{Utilities.Suggestions.DidYouMean(f.Name, input.Fields.Select(x => x.Name))} Found: {Printer.Print(obj)}.", f);
                        }
                    }

                    if (input.IsOneOf)
                    {
                        CheckOneOf(input, obj);
                    }

                    return;
                case EnumType enumType:
                    if (node is not EnumValueNode e || !enumType.Values.Contains(e.Value))
                    {
                        var text = node is EnumValueNode ev ? ev.Value : node is StringValueNode sv ? sv.Value : Printer.Print(node);
                        var hint = node is EnumValueNode or StringValueNode ? Utilities.Suggestions.DidYouMean(text, enumType.Values.Select(v => v.Name)).Replace(" Did you mean ", " Did you mean the enum value ", StringComparison.Ordinal) : string.Empty;
                        context.ReportError(node is EnumValueNode
                            ? $"Value \"{text}\" does not exist in \"{enumType.Name}\" enum.{hint}"
                            : $"Enum \"{enumType.Name}\" cannot represent non-enum value: {Printer.Print(node)}.{hint}", node);
                    }

                    return;
                case ScalarType scalar:
                    try
                    {
                        scalar.ParseLiteral(node);
                    }
                    catch (GraphQLException ex)
                    {
                        context.ReportError(ex.Message, node);
                    }
                    catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
                    {
                        context.ReportError($"Expected value of type \"{type}\", found {Printer.Print(node)}.", node);
                    }

                    return;
            }
        }

        private void CheckOneOf(InputObjectType input, ObjectValueNode obj)
        {
            if (obj.Fields.Count != 1 || obj.Fields[0].Value is NullValueNode)
            {
                context.ReportError($"Within OneOf Input Object type \"{input.Name}\", exactly one field must be specified, and the value for that field must be non-null.", obj);
            }
        }
    }
}
