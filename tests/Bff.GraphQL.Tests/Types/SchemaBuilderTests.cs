using Bff.GraphQL.Types;

namespace Bff.GraphQL.Tests.Types;

public sealed class SchemaBuilderTests
{
    private enum Size
    {
        Small,
        ExtraLarge,
    }

    private sealed record Book(string Title, Size Size);

    [Fact]
    public void Code_first_schema_prints_as_sdl()
    {
        var schema = new SchemaBuilder()
            .Query(q => q
                .Field("book", "Book", f => f.Description("One book.").Argument("title", "String!").Resolve(c => new Book(c.Argument<string>("title"), Size.Small)))
                .Field("books", "[Book!]!", f => f.Argument("first", "Int", 10).Resolve(_ => Array.Empty<Book>())))
            .Object("Book", t => t.Field("title", "String!").Field("size", "Size").Field("old", "String", f => f.Deprecated()))
            .Enum<Size>()
            .InputObject("BookRef", i => i.Field("title", "String").Field("isbn", "String").OneOf())
            .Scalar(new ScalarType("Date", specifiedByUrl: "https://tools.ietf.org/html/rfc3339"))
            .Build();

        Assert.Equal(
            """"
            type Query {
              """One book."""
              book(title: String!): Book
              books(first: Int = 10): [Book!]!
            }

            type Book {
              title: String!
              size: Size
              old: String @deprecated
            }

            enum Size {
              SMALL
              EXTRA_LARGE
            }

            input BookRef @oneOf {
              title: String
              isbn: String
            }

            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            """".Replace("\r\n", "\n", StringComparison.Ordinal),
            schema.ToSdl());
    }

    [Fact]
    public async Task Clr_enums_and_records_resolve_through_default_resolvers()
    {
        var schema = new SchemaBuilder()
            .Query(q => q.Field("book", "Book", _ => new Book("Dune", Size.ExtraLarge)))
            .Object("Book", t => t.Field("title", "String!").Field("size", "Size!"))
            .Enum<Size>()
            .Build();
        var result = await new GraphQLRequestExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = "{ book { title size } }" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("{\"data\":{\"book\":{\"title\":\"Dune\",\"size\":\"EXTRA_LARGE\"}}}", result.ToJson());
    }

    [Fact]
    public void Sdl_output_loads_back_into_an_equal_schema()
    {
        var sdl = TestSchema.Create().ToSdl();
        Assert.Equal(sdl, new SchemaBuilder().AddSdl(sdl).Build().ToSdl());
    }

    [Fact]
    public void Invalid_schemas_are_rejected_with_every_problem_listed()
    {
        var ex = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder().AddSdl("""
            type Query { a: Missing b: In }
            interface I { x: Int! }
            type T implements I { y: Int }
            input In { self: In! }
            union U = In
            """).Build());
        Assert.Contains("Unknown type \"Missing\" referenced by Query.a.", ex.Errors);
        Assert.Contains("Union type U can only include Object types, it cannot include In.", ex.Errors);
        var validated = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder().AddSdl("""
            type Query { b(x: In): Int t: T }
            interface I { x: Int! }
            type T implements I { y: Int }
            input In { self: In! }
            """).Build());
        Assert.Contains("Interface field I.x expected but T does not provide it.", validated.Errors);
        Assert.Contains("Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"self\".", validated.Errors);
    }

    [Fact]
    public void Interfaces_may_implement_interfaces_and_fields_are_covariant()
    {
        var schema = new SchemaBuilder().AddSdl("""
            type Query { n: Node }
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! parent: Node }
            type File implements Resource & Node { id: ID! parent: File }
            """).Build();
        Assert.True(schema.IsSubType((NamedType)schema.GetType("Node")!, (NamedType)schema.GetType("Resource")!));
        Assert.Single(schema.GetPossibleTypes((NamedType)schema.GetType("Node")!));
    }
}
