using System.Globalization;
using System.Text;

namespace Bff.GraphQL.Language;

/// <summary>
/// Prints AST nodes back to GraphQL text with graphql-js's layout: two-space blocks, arguments and
/// lists wrapped onto several lines past 80 characters, descriptions above definitions.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints any node.</summary>
    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            DocumentNode n => string.Join("\n\n", n.Definitions.Select(Print)),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Concat(Print(n.Variable), ": ", Print(n.Type), Wrap(" = ", n.DefaultValue), Wrap(" ", Directives(n.Directives))),
            SelectionSetNode n => n.Selections.Count == 0 ? "{}" : Block(n.Selections.Select(Print)),
            FieldNode n => Concat(
                WrappedArgs(Concat(n.Alias is null ? string.Empty : n.Alias + ": ", n.Name), n.Arguments),
                Wrap(" ", Directives(n.Directives)),
                n.SelectionSet is null ? string.Empty : " " + Print(n.SelectionSet)),
            ArgumentNode n => n.Name + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + n.Name + Wrap(" ", Directives(n.Directives)),
            InlineFragmentNode n => JoinNonEmpty(" ", "...", n.TypeCondition is null ? string.Empty : "on " + n.TypeCondition.Name, Directives(n.Directives), Print(n.SelectionSet)),
            FragmentDefinitionNode n => "fragment " + n.Name + " on " + n.TypeCondition.Name + " " + Wrap(string.Empty, Directives(n.Directives), " ") + Print(n.SelectionSet),
            VariableNode n => "$" + n.Name,
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => PrintList(n),
            ObjectValueNode n => PrintObject(n),
            ObjectFieldNode n => n.Name + ": " + Print(n.Value),
            DirectiveNode n => "@" + n.Name + Wrap("(", string.Join(", ", n.Arguments.Select(Print)), ")"),
            NamedTypeNode n => n.Name,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    /// <summary>Escapes a string the way graphql-js's printString does.</summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case < ' ' or (>= '\x7f' and <= '\x9f'):
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string PrintTypeSystem(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))),
        OperationTypeDefinitionNode n => Keyword(n.Operation) + ": " + n.Type.Name,
        ScalarTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "scalar", n.Name, Directives(n.Directives)),
        ObjectTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "type", n.Name, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))),
        InterfaceTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "interface", n.Name, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))),
        FieldDefinitionNode n => Describe(n.Description) + n.Name + ArgumentDefinitions(n.Arguments) + ": " + Print(n.Type) + Wrap(" ", Directives(n.Directives)),
        InputValueDefinitionNode n => Describe(n.Description) + n.Name + ": " + Print(n.Type) + Wrap(" = ", n.DefaultValue) + Wrap(" ", Directives(n.Directives)),
        UnionTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "union", n.Name, Directives(n.Directives), Wrap("= ", string.Join(" | ", n.Types.Select(t => t.Name)))),
        EnumTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "enum", n.Name, Directives(n.Directives), Block(n.Values.Select(Print))),
        EnumValueDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", n.Name, Directives(n.Directives)),
        InputObjectTypeDefinitionNode n => Describe(n.Description) + JoinNonEmpty(" ", "input", n.Name, Directives(n.Directives), Block(n.Fields.Select(Print))),
        DirectiveDefinitionNode n => Describe(n.Description) + "directive @" + n.Name + ArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty) + " on " + string.Join(" | ", n.Locations),
        SchemaExtensionNode n => JoinNonEmpty(" ", "extend schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))),
        ScalarTypeExtensionNode n => JoinNonEmpty(" ", "extend scalar", n.Name, Directives(n.Directives)),
        ObjectTypeExtensionNode n => JoinNonEmpty(" ", "extend type", n.Name, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))),
        InterfaceTypeExtensionNode n => JoinNonEmpty(" ", "extend interface", n.Name, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))),
        UnionTypeExtensionNode n => JoinNonEmpty(" ", "extend union", n.Name, Directives(n.Directives), Wrap("= ", string.Join(" | ", n.Types.Select(t => t.Name)))),
        EnumTypeExtensionNode n => JoinNonEmpty(" ", "extend enum", n.Name, Directives(n.Directives), Block(n.Values.Select(Print))),
        InputObjectTypeExtensionNode n => JoinNonEmpty(" ", "extend input", n.Name, Directives(n.Directives), Block(n.Fields.Select(Print))),
        _ => throw new ArgumentException($"Unknown node kind {node.Kind}.", nameof(node)),
    };

    private static string PrintOperation(OperationDefinitionNode n)
    {
        var varItems = n.VariableDefinitions.Select(Print).ToList();
        var varDefs = varItems.Any(v => v.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(string.Join("\n", varItems)), "\n)")
            : Wrap("(", string.Join(", ", varItems), ")");
        var keyword = Keyword(n.Operation);
        var prefix = JoinNonEmpty(" ", keyword, (n.Name ?? string.Empty) + varDefs, Directives(n.Directives));
        var set = Print(n.SelectionSet);
        return n.Operation == OperationType.Query && prefix.Length == keyword.Length ? set : prefix + " " + set;
    }

    private static string PrintList(ListValueNode n)
    {
        var items = n.Values.Select(Print).ToList();
        var line = string.Join(", ", items);
        return 2 + line.Length > MaxLineLength ? "[\n" + Indent(string.Join("\n", items)) + "\n]" : "[" + line + "]";
    }

    private static string PrintObject(ObjectValueNode n)
    {
        var items = n.Fields.Select(Print).ToList();
        var line = string.Join(", ", items);
        if (4 + line.Length > MaxLineLength)
        {
            return Block(items);
        }

        return items.Count == 0 ? "{  }" : "{ " + line + " }";
    }

    private static string WrappedArgs(string prefix, IReadOnlyList<ArgumentNode> args)
    {
        if (args.Count == 0)
        {
            return prefix;
        }

        var items = args.Select(Print).ToList();
        var line = string.Join(", ", items);
        return prefix.Length + line.Length + 2 > MaxLineLength
            ? prefix + "(\n" + Indent(string.Join("\n", items)) + "\n)"
            : prefix + "(" + line + ")";
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> args)
    {
        var items = args.Select(Print).ToList();
        return items.Any(i => i.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(string.Join("\n", items)), "\n)")
            : Wrap("(", string.Join(", ", items), ")");
    }

    private static string Keyword(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) => Wrap("implements ", string.Join(" & ", interfaces.Select(i => i.Name)));

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => directives.Count == 0 ? string.Empty : string.Join(" ", directives.Select(Print));

    private static string Describe(StringValueNode? description) => description is null ? string.Empty : Print(description) + "\n";

    private static string Block(IEnumerable<string> items)
    {
        var body = string.Join("\n", items);
        return body.Length == 0 ? string.Empty : "{\n" + Indent(body) + "\n}";
    }

    private static string Indent(string text) => text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Wrap(string start, SyntaxNode? node, string end = "") => node is null ? string.Empty : start + Print(node) + end;

    private static string Wrap(string start, string middle, string end = "") => middle.Length == 0 ? string.Empty : start + middle + end;

    private static string Concat(params ReadOnlySpan<string> parts) => string.Concat(parts);

    private static string JoinNonEmpty(string separator, params ReadOnlySpan<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (p.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(separator);
            }

            sb.Append(p);
        }

        return sb.ToString();
    }
}
