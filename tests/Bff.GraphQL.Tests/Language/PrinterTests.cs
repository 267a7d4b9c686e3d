using Bff.GraphQL.Language;

namespace Bff.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Prints_queries_in_graphql_js_layout()
    {
        var doc = Parser.Parse("query Q($a:Int=1){a:f(x:$a,y:[1,2],z:{k:\"v\"})@skip(if:false){...F ... on T{b}}} fragment F on T{c}");
        Assert.Equal(
            "query Q($a: Int = 1) {\n  a: f(x: $a, y: [1, 2], z: { k: \"v\" }) @skip(if: false) {\n    ...F\n    ... on T {\n      b\n    }\n  }\n}\n\nfragment F on T {\n  c\n}",
            Printer.Print(doc));
    }

    [Fact]
    public void Anonymous_query_prints_as_bare_selection_set()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
    }

    [Fact]
    public void Printing_round_trips_sdl()
    {
        const string sdl = "type Query {\n  a(x: Int = 1): [String!]! @deprecated(reason: \"no\")\n}\n\nunion U = A | B";
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }
}
