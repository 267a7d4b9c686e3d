using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation;

public sealed partial class ValidationContext
{
    private RuleVisitor[] _visitors = [];
    private string[] _ruleNames = [];

    internal void Run(IReadOnlyList<ValidationRule> rules)
    {
        _ruleNames = rules.Select(r => r.Name).ToArray();
        _visitors = rules.Select(r => r.CreateVisitor(this)).ToArray();
        Each((v, n) => v.EnterDocument(n), Document);
        foreach (var definition in Document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode op:
                    WalkOperation(op);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragment(fragment);
                    break;
                default:
                    Each((v, n) => v.EnterOtherDefinition(n), definition);
                    break;
            }
        }

        Each((v, n) => v.LeaveDocument(n), Document);
    }

    private void Each<T>(Action<RuleVisitor, T> action, T node)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            CurrentRule = _ruleNames[i];
            action(_visitors[i], node);
        }
    }

    private void WalkOperation(OperationDefinitionNode op)
    {
        CurrentDefinition = op;
        Type = Schema.GetRootType(op.Operation);
        Each((v, n) => v.EnterOperation(n), op);
        foreach (var variable in op.VariableDefinitions)
        {
            var saved = InputType;
            InputType = VariableCoercion.TypeFromAst(Schema, variable.Type);
            Each((v, n) => v.EnterVariableDefinition(n), variable);
            if (variable.DefaultValue is not null)
            {
                WalkValue(variable.DefaultValue);
            }

            InputType = saved;
            WalkDirectives(variable.Directives);
        }

        WalkDirectives(op.Directives);
        WalkSelectionSet(op.SelectionSet);
        Each((v, n) => v.LeaveOperation(n), op);
        Type = null;
        CurrentDefinition = null;
    }

    private void WalkFragment(FragmentDefinitionNode fragment)
    {
        CurrentDefinition = fragment;
        Type = Schema.GetType(fragment.TypeCondition.Name);
        Each((v, n) => v.EnterFragmentDefinition(n), fragment);
        WalkDirectives(fragment.Directives);
        WalkSelectionSet(fragment.SelectionSet);
        Each((v, n) => v.LeaveFragmentDefinition(n), fragment);
        Type = null;
        CurrentDefinition = null;
    }

    private void WalkSelectionSet(SelectionSetNode set)
    {
        var savedParent = ParentType;
        ParentType = Type?.Named is { IsComposite: true } composite ? composite : null;
        Each((v, n) => v.EnterSelectionSet(n), set);
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case InlineFragmentNode inline:
                    var savedType = Type;
                    Type = inline.TypeCondition is null ? ParentType : Schema.GetType(inline.TypeCondition.Name);
                    Each((v, n) => v.EnterInlineFragment(n), inline);
                    WalkDirectives(inline.Directives);
                    WalkSelectionSet(inline.SelectionSet);
                    Type = savedType;
                    break;
                case FragmentSpreadNode spread:
                    Each((v, n) => v.EnterFragmentSpread(n), spread);
                    WalkDirectives(spread.Directives);
                    break;
            }
        }

        Each((v, n) => v.LeaveSelectionSet(n), set);
        ParentType = savedParent;
    }

    private void WalkField(FieldNode field)
    {
        var savedType = Type;
        var savedField = FieldDefinition;
        var savedFieldParent = FieldParentType;
        FieldDefinition = LookupField(ParentType, field.Name);
        FieldParentType = ParentType;
        Type = FieldDefinition?.Type;
        Each((v, n) => v.EnterField(n), field);
        WalkArguments(field.Arguments, FieldDefinition?.Arguments);
        WalkDirectives(field.Directives);
        if (field.SelectionSet is not null)
        {
            WalkSelectionSet(field.SelectionSet);
        }

        Each((v, n) => v.LeaveField(n), field);
        Type = savedType;
        FieldDefinition = savedField;
        FieldParentType = savedFieldParent;
    }

    /// <summary>Field lookup including the meta-fields (__typename everywhere, __schema/__type on the query root).</summary>
    public FieldDefinition? LookupField(NamedType? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        if (name == "__typename")
        {
            return Schema.IntrospectionFields.TypeNameField;
        }

        if (ReferenceEquals(parent, Schema.QueryType) && Schema.IntrospectionFields.Get(name) is { } meta)
        {
            return meta;
        }

        return (parent as IComplexOutputType)?.Fields[name];
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            Directive = Schema.GetDirective(directive.Name);
            Each((v, n) => v.EnterDirective(n), directive);
            WalkArguments(directive.Arguments, Directive?.Arguments);
            Each((v, n) => v.LeaveDirective(n), directive);
            Directive = null;
        }
    }

    private void WalkArguments(IReadOnlyList<ArgumentNode> arguments, NamedCollection<InputValueDefinition>? definitions)
    {
        foreach (var argument in arguments)
        {
            Argument = definitions?[argument.Name];
            var savedInput = InputType;
            InputType = Argument?.Type;
            Each((v, n) => v.EnterArgument(n), argument);
            WalkValue(argument.Value);
            Each((v, n) => v.LeaveArgument(n), argument);
            InputType = savedInput;
            Argument = null;
        }
    }

    private void WalkValue(ValueNode value)
    {
        Each((v, n) => v.EnterValue(n), value);
        switch (value)
        {
            case VariableNode variable:
                RecordVariableUsage(variable);
                Each((v, n) => v.EnterVariable(n), variable);
                break;
            case ListValueNode list:
            {
                var savedInput = InputType;
                var savedParent = ParentInputType;
                ParentInputType = InputType;
                InputType = InputType?.Nullable is ListType lt ? lt.OfType : null;
                foreach (var item in list.Values)
                {
                    WalkValue(item);
                }

                InputType = savedInput;
                ParentInputType = savedParent;
                break;
            }

            case ObjectValueNode obj:
            {
                var savedInput = InputType;
                var savedParent = ParentInputType;
                var savedField = _currentInputField;
                ParentInputType = InputType;
                var objectType = InputType?.Nullable as InputObjectType;
                foreach (var field in obj.Fields)
                {
                    _currentInputField = objectType?.Fields[field.Name];
                    InputType = _currentInputField?.Type;
                    Each((v, n) => v.EnterObjectField(n), field);
                    WalkValue(field.Value);
                }

                InputType = savedInput;
                ParentInputType = savedParent;
                _currentInputField = savedField;
                break;
            }
        }

        Each((v, n) => v.LeaveValue(n), value);
    }
}
