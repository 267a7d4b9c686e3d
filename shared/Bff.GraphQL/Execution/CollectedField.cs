using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>
/// One response key of a selection set after field collection (spec 6.3.2 CollectFields): the merged field
/// nodes, the field definition, the coerced arguments (computed once per request) and the sub-selections per runtime type.
/// </summary>
internal sealed class CollectedField(string responseName, FieldNode first, FieldDefinition? definition, ObjectType parentType)
{
    private readonly Lock _lock = new();
    private IReadOnlyDictionary<string, object?>? _arguments;
    private GraphQLException? _argumentError;
    private (ObjectType Type, CollectedFields Fields)? _lastSub;
    private Dictionary<ObjectType, CollectedFields>? _subByType;

    public string ResponseName { get; } = responseName;

    public FieldNode First { get; } = first;

    public List<FieldNode>? More { get; set; }

    /// <summary>The object type whose selection this field was collected for.</summary>
    public ObjectType ParentType { get; } = parentType;

    /// <summary>Null for __typename.</summary>
    public FieldDefinition? Definition { get; } = definition;

    public IReadOnlyDictionary<string, object?> GetArguments(ExecutionContext context)
    {
        if (_arguments is not null)
        {
            return _arguments;
        }

        if (_argumentError is not null)
        {
            throw _argumentError;
        }

        try
        {
            _arguments = ArgumentCoercion.Coerce(Definition!.Arguments, First.Arguments, context.Variables);
            return _arguments;
        }
        catch (GraphQLException ex)
        {
            _argumentError = ex;
            throw;
        }
    }

    public CollectedFields GetSubFields(ObjectType runtimeType, ExecutionContext context)
    {
        var last = _lastSub;
        if (last is { } l && ReferenceEquals(l.Type, runtimeType))
        {
            return l.Fields;
        }

        lock (_lock)
        {
            if (_subByType?.TryGetValue(runtimeType, out var cached) == true)
            {
                _lastSub = (runtimeType, cached);
                return cached;
            }

            var collected = FieldCollector.CollectSubfields(context, runtimeType, this);
            (_subByType ??= [])[runtimeType] = collected;
            _lastSub = (runtimeType, collected);
            return collected;
        }
    }
}
