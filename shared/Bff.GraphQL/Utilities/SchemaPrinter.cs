using System.Text;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Utilities;

/// <summary>Prints a schema as SDL in graphql-js printSchema's layout (built-in scalars, directives and introspection types left out).</summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } schemaDef)
        {
            parts.Add(schemaDef);
        }

        parts.AddRange(schema.Directives.Where(d => !d.IsBuiltIn).Select(PrintDirective));
        parts.AddRange(schema.Types.Where(t => !t.IsBuiltIn).Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var conventional = schema.QueryType.Name == "Query"
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (conventional && schema.Description is null)
        {
            return null;
        }

        var sb = new StringBuilder(Description(schema.Description, string.Empty)).Append("schema {\n");
        sb.Append("  query: ").Append(schema.QueryType.Name).Append('\n');
        if (schema.MutationType is not null)
        {
            sb.Append("  mutation: ").Append(schema.MutationType.Name).Append('\n');
        }

        if (schema.SubscriptionType is not null)
        {
            sb.Append("  subscription: ").Append(schema.SubscriptionType.Name).Append('\n');
        }

        return sb.Append('}').ToString();
    }

    private static string PrintType(NamedType type) => type switch
    {
        ScalarType s => Description(s.Description, string.Empty) + "scalar " + s.Name + (s.SpecifiedByUrl is null ? string.Empty : $" @specifiedBy(url: {Printer.PrintString(s.SpecifiedByUrl)})"),
        ObjectType o => Description(o.Description, string.Empty) + "type " + o.Name + Implements(o.Interfaces) + Fields(o.Fields),
        InterfaceType i => Description(i.Description, string.Empty) + "interface " + i.Name + Implements(i.Interfaces) + Fields(i.Fields),
        UnionType u => Description(u.Description, string.Empty) + "union " + u.Name + (u.Types.Count == 0 ? string.Empty : " = " + string.Join(" | ", u.Types.Select(t => t.Name))),
        EnumType e => Description(e.Description, string.Empty) + "enum " + e.Name + Block(e.Values.Select((v, i) => Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
        InputObjectType io => Description(io.Description, string.Empty) + "input " + io.Name + (io.IsOneOf ? " @oneOf" : string.Empty)
            + Block(io.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
        _ => throw new ArgumentException("Unknown type.", nameof(type)),
    };

    private static string Implements(IReadOnlyList<InterfaceType> interfaces)
        => interfaces.Count == 0 ? string.Empty : " implements " + string.Join(" & ", interfaces.Select(i => i.Name));

    private static string Fields(NamedCollection<FieldDefinition> fields)
        => Block(fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> lines)
    {
        var body = string.Join("\n", lines);
        return body.Length == 0 ? string.Empty : " {\n" + body + "\n}";
    }

    private static string Arguments(NamedCollection<InputValueDefinition> args, string indentation)
    {
        if (args.Count == 0)
        {
            return string.Empty;
        }

        if (args.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", args.Select(InputValue)) + ")";
        }

        return "(\n" + string.Join("\n", args.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value)
        => value.Name + ": " + value.Type + (value.DefaultValue is null ? string.Empty : " = " + Printer.Print(value.DefaultValue)) + Deprecated(value.DeprecationReason);

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        BuiltInDirectives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + Printer.PrintString(reason) + ")",
    };

    private static string PrintDirective(DirectiveDefinition d)
        => Description(d.Description, string.Empty) + "directive @" + d.Name + Arguments(d.Arguments, string.Empty) + (d.IsRepeatable ? " repeatable" : string.Empty) + " on " + string.Join(" | ", d.Locations);

    private static string Description(string? description, string indentation, bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var printable = !description.Any(c => c < ' ' && c is not '\n' and not '\t');
        var block = printable ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + block.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
