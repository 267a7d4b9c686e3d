using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Validation;

/// <summary>
/// Shared state of one validation: the schema, the document, errors, and the type information of the node
/// being visited (graphql-js TypeInfo): parent type, field, output/input type, argument, directive.
/// </summary>
public sealed partial class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> _usages = [];
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreads = [];
    private readonly int _maxErrors;

    internal ValidationContext(Schema schema, DocumentNode document, int maxErrors)
    {
        Schema = schema;
        Document = document;
        _maxErrors = maxErrors;
        foreach (var d in document.Definitions)
        {
            if (d is FragmentDefinitionNode f)
            {
                _fragments.TryAdd(f.Name, f);
            }
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    public IReadOnlyList<GraphQLError> Errors => _errors;

    internal string? CurrentRule { get; set; }

    internal bool TooManyErrors => _errors.Count >= _maxErrors;

    /// <summary>The composite type whose selection set is being visited.</summary>
    public NamedType? ParentType { get; private set; }

    /// <summary>The output type of the field being visited.</summary>
    public GraphQLType? Type { get; private set; }

    public FieldDefinition? FieldDefinition { get; private set; }

    /// <summary>The parent type of the field being visited (for field errors).</summary>
    public NamedType? FieldParentType { get; private set; }

    /// <summary>The input type expected for the value being visited.</summary>
    public GraphQLType? InputType { get; private set; }

    /// <summary>The input type of the enclosing list or input object.</summary>
    public GraphQLType? ParentInputType { get; private set; }

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    /// <summary>The definition (operation or fragment) being visited.</summary>
    public ExecutableDefinitionNode? CurrentDefinition { get; private set; }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    public void ReportError(string message, params ReadOnlySpan<SyntaxNode?> nodes)
    {
        if (_errors.Count >= _maxErrors)
        {
            return;
        }

        var error = GraphQLError.At(message, ErrorCodes.ValidationFailed, nodes);
        _errors.Add(new GraphQLError(error.Message, error.Locations, null, error.Extensions) { Rule = CurrentRule });
    }

    /// <summary>Fragment spreads directly inside a selection set (not inside nested fields).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var result = new List<FragmentSpreadNode>();
        var stack = new Stack<SelectionSetNode>();
        stack.Push(selectionSet);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        result.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } s }:
                        stack.Push(s);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreads[selectionSet] = result;
        return result;
    }

    /// <summary>All fragments an operation uses, directly or through other fragments (cycle-safe).</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var result = new List<FragmentDefinitionNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<SelectionSetNode>();
        stack.Push(operation.SelectionSet);
        while (stack.Count > 0)
        {
            foreach (var spread in GetFragmentSpreads(stack.Pop()))
            {
                if (seen.Add(spread.Name) && GetFragment(spread.Name) is { } fragment)
                {
                    result.Add(fragment);
                    stack.Push(fragment.SelectionSet);
                }
            }
        }

        return result;
    }

    /// <summary>Variable usages in an operation and every fragment it uses; complete only from LeaveDocument on.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var result = new List<VariableUsage>(GetUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            result.AddRange(GetUsages(fragment));
        }

        return result;
    }

    private List<VariableUsage> GetUsages(ExecutableDefinitionNode definition) => _usages.GetValueOrDefault(definition) ?? [];

    internal void RecordVariableUsage(VariableNode node)
    {
        if (CurrentDefinition is null)
        {
            return;
        }

        if (!_usages.TryGetValue(CurrentDefinition, out var list))
        {
            _usages[CurrentDefinition] = list = [];
        }

        var hasDefault = Argument?.HasDefaultValue == true && ReferenceEquals(InputType, Argument.Type);
        if (!hasDefault && ParentInputType?.Nullable is InputObjectType && _currentInputField is { HasDefaultValue: true })
        {
            hasDefault = true;
        }

        list.Add(new VariableUsage(node, InputType, hasDefault));
    }

    private InputValueDefinition? _currentInputField;
}
