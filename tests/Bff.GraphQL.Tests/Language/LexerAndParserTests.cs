using Bff.GraphQL.Language;

namespace Bff.GraphQL.Tests.Language;

public sealed class LexerAndParserTests
{
    [Fact]
    public void Parses_a_query_with_all_executable_constructs()
    {
        var doc = Parser.Parse("""
            query Q($id: ID! = "1", $f: [Int!] @dir) @op {
              a: product(id: $id) { ...F ... on Product @include(if: true) { name } }
            }
            fragment F on Product { id tags }
            """);
        var op = Assert.IsType<OperationDefinitionNode>(doc.Definitions[0]);
        Assert.Equal("Q", op.Name);
        Assert.Equal(2, op.VariableDefinitions.Count);
        var field = Assert.IsType<FieldNode>(op.SelectionSet.Selections[0]);
        Assert.Equal("a", field.Alias);
        Assert.Equal("product", field.Name);
        Assert.IsType<FragmentDefinitionNode>(doc.Definitions[1]);
    }

    [Fact]
    public void Records_line_and_column_locations()
    {
        var doc = Parser.Parse("{\n  hello\n}");
        var field = (FieldNode)((OperationDefinitionNode)doc.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(2, field.Location!.Value.Line);
        Assert.Equal(3, field.Location!.Value.Column);
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.")]
    [InlineData("{ a(b: ) }", "Syntax Error: Unexpected \")\".")]
    [InlineData("query { a } }", "Syntax Error: Unexpected \"}\".")]
    [InlineData("{ a ? }", "Syntax Error: Unexpected character: \"?\".")]
    [InlineData("{ a(b: \"x) }", "Syntax Error: Unterminated string.")]
    [InlineData("{ a(b: 01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".")]
    [InlineData("{ a(b: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".")]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".")]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.")]
    public void Syntax_errors_are_worded_like_graphql_js(string source, string message)
    {
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Decodes_string_escapes_and_block_strings()
    {
        var value = (StringValueNode)Parser.ParseValue("\"a\\n\\u0041\\u{1F600}\\\"\"");
        Assert.Equal("a\nA\U0001F600\"", value.Value);
        var block = (StringValueNode)Parser.ParseValue("\"\"\"\n    hello\n      world\n  \"\"\"");
        Assert.Equal("hello\n  world", block.Value);
    }

    [Fact]
    public void Parses_from_utf8_bytes()
    {
        var doc = Parser.Parse("{ a(s: \"é\") }"u8);
        Assert.Single(doc.Definitions);
    }

    [Fact]
    public void Parses_type_system_definitions_and_extensions()
    {
        var doc = Parser.Parse("""
            "desc" schema { query: Q }
            scalar Date @specifiedBy(url: "https://example.com")
            interface A implements B & C { f(x: Int = 1): [String!]! @deprecated }
            union U = | X | Y
            enum E { ONE TWO }
            input I @oneOf { a: Int b: String }
            directive @d(a: Int) repeatable on FIELD | QUERY
            extend type T implements A { g: Int }
            """);
        Assert.Equal(8, doc.Definitions.Count);
    }

    [Fact]
    public void Token_limit_refuses_large_documents()
    {
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c d e f }", new ParserOptions { MaxTokens = 4 }));
        Assert.Equal(ErrorCodes.TooManyTokens, ex.Code);
    }

    [Fact]
    public void Nesting_limit_refuses_deep_documents_without_stack_overflow()
    {
        var deep = "query " + string.Concat(Enumerable.Repeat("{a", 10_000)) + new string('}', 10_000);
        var ex = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(deep));
        Assert.Equal(ErrorCodes.TooDeep, ex.Code);
    }
}
