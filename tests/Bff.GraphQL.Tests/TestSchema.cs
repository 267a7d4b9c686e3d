using Bff.GraphQL.Types;

namespace Bff.GraphQL.Tests;

/// <summary>The shared test schema: a small catalog with an interface, a union, an enum, an input object and a @oneOf input.</summary>
public static class TestSchema
{
    public const string Sdl = """
        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String! }
        type Product implements Node & Named {
          id: ID!
          name: String!
          price: Float
          tags: [String!]!
          color: Color
          reviews(first: Int = 10): [Review!]!
          mustExist: String!
          maybe: String
        }
        type Review implements Node { id: ID! stars: Int! body: String author: User! }
        type User implements Node & Named { id: ID! name: String! }
        union SearchResult = Product | User
        enum Color { RED GREEN BLUE }
        input ProductFilter { name: String, color: Color, minPrice: Float = 0 }
        input ProductRef @oneOf { id: ID, name: String }
        type Query {
          product(id: ID!): Product
          products(filter: ProductFilter): [Product!]!
          find(ref: ProductRef!): Product
          search(text: String!): [SearchResult!]!
          node(id: ID!): Node
          echo(value: String, num: Int, list: [Int], flag: Boolean = false): String
          failing: String
          failingNonNull: String!
        }
        type Mutation { rename(id: ID!, name: String!): Product }
        """;

    public static readonly IReadOnlyList<Dictionary<string, object?>> Users =
    [
        new() { ["__typename"] = "User", ["id"] = "u1", ["name"] = "Ada" },
        new() { ["__typename"] = "User", ["id"] = "u2", ["name"] = "Linus" },
    ];

    public static List<Dictionary<string, object?>> NewProducts() =>
    [
        Product("p1", "Laptop", 999.5, "RED", ["tech", "work"], ["r1", "r2"]),
        Product("p2", "Phone", 599, "BLUE", ["tech"], ["r3"]),
        Product("p3", "Desk", null, null, [], []),
    ];

    public static readonly IReadOnlyList<Dictionary<string, object?>> Reviews =
    [
        new() { ["id"] = "r1", ["stars"] = 5, ["body"] = "Great", ["authorId"] = "u1" },
        new() { ["id"] = "r2", ["stars"] = 3, ["body"] = null, ["authorId"] = "u2" },
        new() { ["id"] = "r3", ["stars"] = 4, ["body"] = "Fine", ["authorId"] = "u1" },
    ];

    public static Schema Create(List<Dictionary<string, object?>>? products = null)
    {
        var data = products ?? NewProducts();
        return new SchemaBuilder()
            .AddSdl(Sdl)
            .Resolve("Query", "product", c => data.Find(p => (string)p["id"]! == c.Argument<string>("id")))
            .Resolve("Query", "products", c =>
            {
                var filter = c.Argument<IReadOnlyDictionary<string, object?>?>("filter");
                return data.Where(p => filter is null
                    || ((filter.GetValueOrDefault("name") is not string n || (string)p["name"]! == n)
                        && (filter.GetValueOrDefault("color") is not string col || Equals(p["color"], col)))).ToList();
            })
            .Resolve("Query", "find", c =>
            {
                var r = c.Argument<IReadOnlyDictionary<string, object?>>("ref");
                return data.Find(p => r.TryGetValue("id", out var id) ? Equals(p["id"], id) : Equals(p["name"], r["name"]));
            })
            .Resolve("Query", "search", c =>
            {
                var text = c.Argument<string>("text");
                return data.Where(p => ((string)p["name"]!).Contains(text, StringComparison.OrdinalIgnoreCase)).Cast<object>()
                    .Concat(Users.Where(u => ((string)u["name"]!).Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
            })
            .Resolve("Query", "node", c =>
            {
                var id = c.Argument<string>("id");
                return (object?)data.Find(p => Equals(p["id"], id)) ?? Users.FirstOrDefault(u => Equals(u["id"], id));
            })
            .Resolve("Query", "echo", c => c.Arguments.Count == 0 ? null : string.Join(",", c.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Format(a.Value))))
            .Resolve("Query", "failing", _ => throw new InvalidOperationException("boom"))
            .Resolve("Query", "failingNonNull", _ => null)
            .Resolve("Product", "reviews", c =>
            {
                var ids = (IEnumerable<string>)c.Parent<Dictionary<string, object?>>()["reviewIds"]!;
                return ids.Take(c.Argument<int>("first")).Select(id => Reviews.First(r => (string)r["id"]! == id)).ToList();
            })
            .Resolve("Product", "mustExist", _ => null)
            .Resolve("Review", "author", c => Users.First(u => Equals(u["id"], c.Parent<Dictionary<string, object?>>()["authorId"])))
            .Resolve("Mutation", "rename", c =>
            {
                var p = data.Find(x => Equals(x["id"], c.Argument<string>("id")));
                if (p is not null)
                {
                    p["name"] = c.Argument<string>("name");
                }

                return p;
            })
            .Build();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable e and not string => "[" + string.Join(",", e.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static Dictionary<string, object?> Product(string id, string name, double? price, string? color, string[] tags, string[] reviewIds) => new()
    {
        ["__typename"] = "Product",
        ["id"] = id,
        ["name"] = name,
        ["price"] = price,
        ["color"] = color,
        ["tags"] = tags,
        ["reviewIds"] = reviewIds,
    };
}
