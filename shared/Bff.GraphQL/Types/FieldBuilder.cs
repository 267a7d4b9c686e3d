using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>Configures one field: arguments, resolver, description, deprecation, cost.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, TypeNode type)
    {
        Name = name;
        Type = type;
    }

    internal string Name { get; }

    internal TypeNode Type { get; set; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    internal List<InputValueDraft> Arguments { get; } = [];

    internal FieldResolver? AsyncResolver { get; private set; }

    internal SyncFieldResolver? SyncResolver { get; private set; }

    internal int? CostValue { get; private set; }

    internal int? ListSizeValue { get; private set; }

    internal bool BatchedValue { get; private set; }

    internal string? UnbatchedWithValue { get; private set; }

    public FieldBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds an argument; <paramref name="type"/> is a type reference such as <c>"ID!"</c> or <c>"[String]"</c>.</summary>
    public FieldBuilder Argument(string name, string type, string? description = null)
    {
        Arguments.Add(new InputValueDraft(name, Language.Parser.ParseType(type)) { Description = description });
        return this;
    }

    /// <summary>Adds an argument with a default value (a CLR value converted to a literal of the argument's type).</summary>
    public FieldBuilder Argument(string name, string type, object? defaultValue, string? description = null)
    {
        Arguments.Add(new InputValueDraft(name, Language.Parser.ParseType(type)) { Description = description, DefaultClrValue = defaultValue, HasClrDefault = true });
        return this;
    }

    /// <summary>Marks the field deprecated (@deprecated).</summary>
    public FieldBuilder Deprecated(string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason;
        return this;
    }

    /// <summary>Sets a synchronous resolver (for values at hand: projections of the parent).</summary>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        SyncResolver = new SyncFieldResolver(resolver);
        AsyncResolver = null;
        return this;
    }

    /// <summary>Sets an asynchronous resolver (for service calls and DataLoaders).</summary>
    public FieldBuilder ResolveAsync(Func<IResolverContext, ValueTask<object?>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        AsyncResolver = new FieldResolver(resolver);
        SyncResolver = null;
        return this;
    }

    /// <summary>Sets an asynchronous resolver returning a typed task.</summary>
    public FieldBuilder ResolveAsync<T>(Func<IResolverContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        AsyncResolver = async ctx => await resolver(ctx).ConfigureAwait(false);
        SyncResolver = null;
        return this;
    }

    /// <summary>Cost of one call for the complexity limit (default 1; give service calls more).</summary>
    public FieldBuilder Cost(int cost, int? listSize = null)
    {
        CostValue = cost;
        ListSizeValue = listSize;
        return this;
    }

    /// <summary>
    /// Marks a field resolved through a DataLoader: its cost counts once where it appears in the document, not once
    /// per parent (cost tracks service calls). <paramref name="unlessArgument"/> names an argument that, when the
    /// document gives it, makes each parent a call of its own (e.g. <c>after</c>).
    /// </summary>
    public FieldBuilder Batched(string? unlessArgument = null)
    {
        BatchedValue = true;
        UnbatchedWithValue = unlessArgument;
        return this;
    }
}
