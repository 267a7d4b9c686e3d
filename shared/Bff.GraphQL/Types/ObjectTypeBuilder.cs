namespace Bff.GraphQL.Types;

/// <summary>Configures an object type.</summary>
public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(string name)
        : base(name)
    {
    }

    internal Func<object, bool>? IsTypeOfCheck { get; private set; }

    internal Type? BoundClrType { get; private set; }

    /// <summary>Says whether a value is of this type, so interfaces and unions can resolve it.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> check)
    {
        IsTypeOfCheck = check;
        return this;
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> (or derived) are of this type, for abstract type resolution.</summary>
    public ObjectTypeBuilder BindClr<T>()
    {
        BoundClrType = typeof(T);
        return this;
    }
}
