using System.Collections;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

internal sealed partial class ExecutionContext
{
    /// <summary>ExecuteOperation (spec 6.2): root fields in parallel for queries, serially for mutations.</summary>
    public async ValueTask<ResultMap?> ExecuteOperationAsync()
    {
        var rootType = Schema.GetRootType(Operation.Operation);
        if (rootType is null)
        {
            AddError(GraphQLError.At($"Schema is not configured to execute {Operation.Operation.ToString().ToLowerInvariant()} operation.", ErrorCodes.OperationNotFound, Operation));
            return null;
        }

        var fields = FieldCollector.Collect(this, rootType, Operation.SelectionSet);
        // The executor counts as running while it starts the root fields, so loads queued by early
        // siblings wait for the later ones instead of dispatching one key at a time.
        var frame = Scope.EnterExecutor();
        ValueTask<object?> pending;
        try
        {
            pending = Operation.Operation == OperationType.Mutation
                ? ExecuteFieldsSeriallyAsync(rootType, RootValue, fields, null)
                : ExecuteFields(rootType, RootValue, fields, null);
        }
        finally
        {
            Scope.Exit(frame);
        }

        return await pending.ConfigureAwait(false) as ResultMap;
    }

    private async ValueTask<object?> ExecuteFieldsSeriallyAsync(ObjectType type, object? source, CollectedFields fields, ResponsePath? path)
    {
        var map = new ResultMap(fields.Keys);
        var bubbled = false;
        for (var i = 0; i < fields.Fields.Length; i++)
        {
            var value = await ExecuteField(type, source, fields.Fields[i], path).ConfigureAwait(false);
            if (value == Bubble)
            {
                bubbled = true;
            }
            else
            {
                map.Set(i, value);
            }
        }

        return bubbled ? Bubble : map;
    }

    /// <summary>ExecuteSelectionSet in parallel: every field starts before any is awaited.</summary>
    private ValueTask<object?> ExecuteFields(ObjectType type, object? source, CollectedFields fields, ResponsePath? path)
    {
        var map = new ResultMap(fields.Keys);
        var bubbled = false;
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var all = fields.Fields;
        for (var i = 0; i < all.Length; i++)
        {
            var task = ExecuteField(type, source, all[i], path);
            if (task.IsCompletedSuccessfully)
            {
                var value = task.Result;
                if (value == Bubble)
                {
                    // This object is null now; like graphql-js, siblings not yet started are not run.
                    bubbled = true;
                    break;
                }
                else
                {
                    map.Set(i, value);
                }
            }
            else
            {
                (pending ??= []).Add((i, task));
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ? Bubble : map);
        }

        return AwaitFields(map, pending, bubbled);
    }

    private static async ValueTask<object?> AwaitFields(ResultMap map, List<(int Index, ValueTask<object?> Task)> pending, bool bubbled)
    {
        foreach (var (index, task) in pending)
        {
            var value = await task.ConfigureAwait(false);
            if (value == Bubble)
            {
                bubbled = true;
            }
            else
            {
                map.Set(index, value);
            }
        }

        return bubbled ? Bubble : map;
    }

    /// <summary>ExecuteField (spec 6.4): coerce arguments, resolve, complete; errors become field errors (6.4.4).</summary>
    private ValueTask<object?> ExecuteField(ObjectType parentType, object? source, CollectedField field, ResponsePath? parentPath)
    {
        var definition = field.Definition;
        if (definition is null)
        {
            return new ValueTask<object?>(parentType.Name);
        }

        var path = new ResponsePath(parentPath, field.ResponseName);
        object? value;
        ResolverFrame? frame = null;
        try
        {
            if (CancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(CancellationToken);
            }

            if (definition.SyncResolver is { } sync)
            {
                value = sync(new ResolverContext(this, parentType, field, source, path, field.GetArguments(this)));
            }
            else if (definition.Resolver is { } resolver)
            {
                var context = new ResolverContext(this, parentType, field, source, path, field.GetArguments(this));
                frame = Scope.Enter();
                ValueTask<object?> pending;
                try
                {
                    pending = resolver(context);
                }
                finally
                {
                    DataLoaderScope.ClearCurrent();
                }

                if (!pending.IsCompletedSuccessfully)
                {
                    return AwaitResolver(pending, frame, field, definition, path);
                }

                value = pending.Result;
            }
            else
            {
                value = DefaultFieldResolver.Resolve(source, definition.Name);
            }
        }
        catch (Exception ex)
        {
            if (frame is not null)
            {
                Scope.Exit(frame);
            }

            return new ValueTask<object?>(HandleFieldError(ex, field, definition.Type, path));
        }

        var completion = CompleteValueSafe(definition.Type, field, value, path);
        if (frame is not null)
        {
            Scope.Exit(frame);
        }

        return completion;
    }

    private async ValueTask<object?> AwaitResolver(ValueTask<object?> pending, ResolverFrame frame, CollectedField field, FieldDefinition definition, ResponsePath path)
    {
        object? value;
        try
        {
            value = await pending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Scope.Exit(frame);
            return HandleFieldError(ex, field, definition.Type, path);
        }

        // Children start before this resolver counts as finished, so the scheduler sees their loads first.
        var completion = CompleteValueSafe(definition.Type, field, value, path);
        Scope.Exit(frame);
        return await completion.ConfigureAwait(false);
    }

    private ValueTask<object?> CompleteValueSafe(GraphQLType type, CollectedField field, object? value, ResponsePath path)
    {
        try
        {
            return CompleteValue(type, field, value, path);
        }
        catch (Exception ex)
        {
            return new ValueTask<object?>(HandleFieldError(ex, field, type, path));
        }
    }

    private object? HandleFieldError(Exception exception, CollectedField field, GraphQLType type, ResponsePath path)
    {
        AddError(ToFieldError(exception, field.First, path));
        return type.IsNonNull ? Bubble : null;
    }

    private GraphQLError ToFieldError(Exception exception, FieldNode node, ResponsePath path)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        IReadOnlyList<ErrorLocation>? locations = node.Location is { } l ? [new ErrorLocation(l.Line, l.Column)] : null;
        return exception switch
        {
            GraphQLException g => new GraphQLError(g.Message, locations, path.ToList(), g.Code is null && g.Extensions is null ? null : g.ToError().Extensions, g),
            OperationCanceledException when CancellationToken.IsCancellationRequested => new GraphQLError(
                "Execution was cancelled (timeout or client disconnect).", locations, path.ToList(), Code(ErrorCodes.Cancelled), exception),
            _ => new GraphQLError(exception.Message, locations, path.ToList(), Code(ErrorCodes.ResolverError), exception),
        };
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    /// <summary>CompleteValue (spec 6.4.3).</summary>
    private ValueTask<object?> CompleteValue(GraphQLType type, CollectedField field, object? value, ResponsePath path)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteNullable(nonNull.OfType, field, value, path);
            if (inner.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(CheckNonNull(inner.Result, field, path));
            }

            return AwaitNonNull(inner, field, path);
        }

        var result = CompleteNullable(type, field, value, path);
        if (result.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>(result.Result == Bubble ? null : result.Result);
        }

        return AwaitNullable(result);
    }

    private static async ValueTask<object?> AwaitNullable(ValueTask<object?> pending)
    {
        var value = await pending.ConfigureAwait(false);
        return value == Bubble ? null : value;
    }

    private async ValueTask<object?> AwaitNonNull(ValueTask<object?> pending, CollectedField field, ResponsePath path)
        => CheckNonNull(await pending.ConfigureAwait(false), field, path);

    private object? CheckNonNull(object? value, CollectedField field, ResponsePath path)
    {
        if (value is null)
        {
            AddError(new GraphQLError(
                $"Cannot return null for non-nullable field {FieldCoordinate(field)}.",
                field.First.Location is { } l ? [new ErrorLocation(l.Line, l.Column)] : null,
                path.ToList()));
            return Bubble;
        }

        return value;
    }

    private static string FieldCoordinate(CollectedField field) => field.ParentType.Name + "." + field.First.Name;

    private ValueTask<object?> CompleteNullable(GraphQLType type, CollectedField field, object? value, ResponsePath path)
    {
        if (value is null)
        {
            return default;
        }

        switch (type)
        {
            case ScalarType scalar:
                return new ValueTask<object?>(SerializeLeaf(scalar, value, field, path));
            case EnumType enumType:
                var enumValue = enumType.FindByValue(value);
                if (enumValue is null)
                {
                    AddError(new GraphQLError($"Enum \"{enumType.Name}\" cannot represent value: {Inspect.Value(value)}", null, path.ToList()));
                    return new ValueTask<object?>(Bubble);
                }

                return new ValueTask<object?>(enumValue.Name);
            case ListType list:
                return CompleteList(list, field, value, path);
            case ObjectType obj:
                return ExecuteFields(obj, value, field.GetSubFields(obj, this), path);
            default:
                var runtime = ResolveRuntimeType((NamedType)type, value, field, path);
                return runtime is null ? new ValueTask<object?>(Bubble) : ExecuteFields(runtime, value, field.GetSubFields(runtime, this), path);
        }
    }

    private object? SerializeLeaf(ScalarType scalar, object value, CollectedField field, ResponsePath path)
    {
        try
        {
            return scalar.Serialize(value) ?? throw new GraphQLException($"Expected `{scalar.Name}.serialize` to return non-nullable value, returned: null");
        }
        catch (Exception ex)
        {
            AddError(ToFieldError(ex, field.First, path));
            return Bubble;
        }
    }

    private ValueTask<object?> CompleteList(ListType list, CollectedField field, object value, ResponsePath path)
    {
        if (value is string || value is not IEnumerable enumerable)
        {
            AddError(new GraphQLError(
                $"Expected Iterable, but did not find one for field \"{FieldCoordinate(field)}\".",
                field.First.Location is { } l ? [new ErrorLocation(l.Line, l.Column)] : null,
                path.ToList()));
            return new ValueTask<object?>(Bubble);
        }

        var items = enumerable as IList ?? enumerable.Cast<object?>().ToList();
        var results = new object?[items.Count];
        var bubbled = false;
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var itemType = list.OfType;
        for (var i = 0; i < results.Length; i++)
        {
            ValueTask<object?> task;
            try
            {
                task = CompleteValue(itemType, field, items[i], new ResponsePath(path, i));
            }
            catch (Exception ex)
            {
                task = new ValueTask<object?>(HandleFieldError(ex, field, itemType, new ResponsePath(path, i)));
            }

            if (task.IsCompletedSuccessfully)
            {
                var r = task.Result;
                if (r == Bubble)
                {
                    bubbled = true;
                    break;
                }
                else
                {
                    results[i] = r;
                }
            }
            else
            {
                (pending ??= []).Add((i, task));
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ? Bubble : results);
        }

        return AwaitList(results, pending, bubbled);
    }

    private static async ValueTask<object?> AwaitList(object?[] results, List<(int Index, ValueTask<object?> Task)> pending, bool bubbled)
    {
        foreach (var (index, task) in pending)
        {
            var r = await task.ConfigureAwait(false);
            if (r == Bubble)
            {
                bubbled = true;
            }
            else
            {
                results[index] = r;
            }
        }

        return bubbled ? Bubble : results;
    }

    /// <summary>ResolveAbstractType (spec 6.4.3): resolveType, then __typename keys, bound CLR types, IsTypeOf, CLR type name.</summary>
    private ObjectType? ResolveRuntimeType(NamedType abstractType, object value, CollectedField field, ResponsePath path)
    {
        string? name = abstractType switch
        {
            InterfaceType { ResolveType: { } r } => r(value),
            UnionType { ResolveType: { } r } => r(value),
            _ => null,
        };

        name ??= value switch
        {
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var t) => t as string,
            IDictionary<string, object?> dict when dict.TryGetValue("__typename", out var t) => t as string,
            _ => null,
        };

        var possible = Schema.GetPossibleTypes(abstractType);
        ObjectType? runtime = null;
        if (name is not null)
        {
            runtime = Schema.GetType(name) as ObjectType;
            if (runtime is null || !Schema.IsSubType(abstractType, runtime))
            {
                AddError(new GraphQLError(
                    runtime is null
                        ? $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema."
                        : $"Runtime Object type \"{name}\" is not a possible type for \"{abstractType.Name}\".",
                    null,
                    path.ToList()));
                return null;
            }

            return runtime;
        }

        runtime = Schema.GetTypeForClr(value.GetType());
        if (runtime is not null && Schema.IsSubType(abstractType, runtime))
        {
            return runtime;
        }

        foreach (var candidate in possible)
        {
            if (candidate.IsTypeOf?.Invoke(value) == true)
            {
                return candidate;
            }
        }

        var clrName = value.GetType().Name;
        foreach (var candidate in possible)
        {
            if (candidate.Name == clrName)
            {
                return candidate;
            }
        }

        AddError(new GraphQLError(
            $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{FieldCoordinate(field)}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
            field.First.Location is { } l ? [new ErrorLocation(l.Line, l.Column)] : null,
            path.ToList()));
        return null;
    }
}
