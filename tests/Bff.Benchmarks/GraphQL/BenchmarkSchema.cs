using Bff.GraphQL.Types;

namespace Bff.Benchmarks.GraphQL;

/// <summary>The benchmark schema and data, shared with bench/graphql/bench.js (same SDL file, same data shape, same queries).</summary>
public static class BenchmarkSchema
{
    public static string BenchDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "bench", "graphql")))
            {
                dir = dir.Parent;
            }

            var root = dir?.FullName ?? Environment.GetEnvironmentVariable("BFF_REPO") ?? "/work/main";
            return Path.Combine(root, "bench", "graphql");
        }
    }

    public static string Query(string name) => File.ReadAllText(Path.Combine(BenchDirectory, "queries", name + ".graphql"));

    public static Schema Create()
    {
        var users = Enumerable.Range(0, 10).Select(i => new Dictionary<string, object?> { ["id"] = "u" + i, ["name"] = "User " + i }).ToList();
        var products = Enumerable.Range(0, 50).Select(i => new Dictionary<string, object?>
        {
            ["id"] = "p" + i,
            ["name"] = "Product " + i,
            ["price"] = i * 1.5,
            ["tags"] = new[] { "a", "b", "c" },
            ["reviews"] = Enumerable.Range(0, 5).Select(j => new Dictionary<string, object?>
            {
                ["id"] = $"r{i}-{j}",
                ["stars"] = j + 1,
                ["body"] = j % 2 == 0 ? "Nice" : null,
                ["author"] = users[(i + j) % 10],
            }).ToList(),
        }).ToList();
        return new SchemaBuilder()
            .AddSdl(File.ReadAllText(Path.Combine(BenchDirectory, "schema.graphql")))
            .Resolve("Query", "product", c => products.Find(p => (string)p["id"]! == c.Argument<string>("id")))
            .Resolve("Query", "products", _ => products)
            .Resolve("Query", "node", c => products.Find(p => (string)p["id"]! == c.Argument<string>("id")))
            .Interface("Node", t => t.ResolveType(v => v is Dictionary<string, object?> d ? (d.ContainsKey("reviews") ? "Product" : d.ContainsKey("stars") ? "Review" : "User") : null))
            .Build();
    }
}
