namespace Bff.GraphQL.Types;

/// <summary>Configures an input object type.</summary>
public sealed class InputObjectTypeBuilder
{
    internal InputObjectTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<InputValueDraft> Fields { get; } = [];

    internal bool IsOneOf { get; set; }

    public InputObjectTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds an input field.</summary>
    public InputObjectTypeBuilder Field(string name, string type, string? description = null)
    {
        Fields.RemoveAll(f => f.Name == name);
        Fields.Add(new InputValueDraft(name, Language.Parser.ParseType(type)) { Description = description });
        return this;
    }

    /// <summary>Adds an input field with a default value.</summary>
    public InputObjectTypeBuilder Field(string name, string type, object? defaultValue, string? description = null)
    {
        Fields.RemoveAll(f => f.Name == name);
        Fields.Add(new InputValueDraft(name, Language.Parser.ParseType(type)) { Description = description, DefaultClrValue = defaultValue, HasClrDefault = true });
        return this;
    }

    /// <summary>Exactly one field must be given, and not null (@oneOf).</summary>
    public InputObjectTypeBuilder OneOf()
    {
        IsOneOf = true;
        return this;
    }
}
