using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Validation;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.GraphQL.Tests.Differential;

/// <summary>
/// Runs the corpus (Differential/corpus.graphql) through graphql-js (one node process) and through this engine, on the
/// same schema (our SDL loaded with buildSchema) and data, and compares: syntax acceptance, failing rules, data, error paths.
/// </summary>
public sealed class DifferentialTests
{
    private sealed record CorpusEntry(string Name, string Query, JsonObject? Variables, string? OperationName);

    [Fact]
    public async Task Engine_agrees_with_graphql_js_on_the_corpus()
    {
        var corpus = LoadCorpus();
        corpus.Add(new CorpusEntry("full introspection query", IntrospectionQuery.Text, null, null));
        var sdl = TestSchema.Create().ToSdl();
        var input = new JsonObject
        {
            ["sdl"] = sdl,
            ["corpus"] = new JsonArray(corpus.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["query"] = c.Query,
                ["variables"] = c.Variables?.DeepClone(),
                ["operationName"] = c.OperationName,
            }).ToArray()),
        };
        var output = await NodeScript.RunAsync("tests/Bff.GraphQL.Tests/node/differential.js", [], input.ToJsonString(), TestContext.Current.CancellationToken);
        var js = JsonNode.Parse(output)!.AsArray().ToDictionary(n => n!["name"]!.GetValue<string>(), n => n!.AsObject());

        var ourRules = SpecifiedRules.All.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var mismatches = new List<string>();
        int syntax = 0, invalid = 0, executed = 0, sameMessage = 0, sameValidationMessages = 0;
        var messageDifferences = new List<string>();
        foreach (var entry in corpus)
        {
            var theirs = js[entry.Name];
            var ours = await RunOurs(entry);
            if (theirs["syntaxError"] is { } theirSyntax)
            {
                syntax++;
                if (ours["syntaxError"] is null)
                {
                    mismatches.Add($"{entry.Name}: graphql-js syntax error '{theirSyntax}', we accepted");
                }
                else if (ours["syntaxError"]!.GetValue<string>() == theirSyntax.GetValue<string>())
                {
                    sameMessage++;
                }

                continue;
            }

            if (ours["syntaxError"] is { } ourSyntax)
            {
                mismatches.Add($"{entry.Name}: we reported syntax error '{ourSyntax}', graphql-js accepted");
                continue;
            }

            var theirRules = theirs["rules"]!.AsArray().Select(r => r!.GetValue<string>()).Where(ourRules.Contains).OrderBy(r => r, StringComparer.Ordinal).ToList();
            var ourFailed = ours["rules"]!.AsArray().Select(r => r!.GetValue<string>()).OrderBy(r => r, StringComparer.Ordinal).ToList();
            if (!theirRules.SequenceEqual(ourFailed))
            {
                mismatches.Add($"{entry.Name}: rules graphql-js [{string.Join(",", theirRules)}] ours [{string.Join(",", ourFailed)}]");
                continue;
            }

            if (theirRules.Count > 0 || theirs["rules"]!.AsArray().Count > 0)
            {
                invalid++;
                if (JsonNode.DeepEquals(theirs["messages"], ours["messages"]))
                {
                    sameValidationMessages++;
                }
                else
                {
                    messageDifferences.Add($"{entry.Name}: graphql-js {theirs["messages"]?.ToJsonString()} ours {ours["messages"]?.ToJsonString()}");
                }

                continue;
            }

            executed++;
            if (!JsonNode.DeepEquals(NormalizeIntrospection(theirs["data"]), NormalizeIntrospection(ours["data"])))
            {
                mismatches.Add($"{entry.Name}: data graphql-js {theirs["data"]?.ToJsonString()} ours {ours["data"]?.ToJsonString()}");
            }
            else if (!JsonNode.DeepEquals(theirs["errorPaths"], ours["errorPaths"]))
            {
                mismatches.Add($"{entry.Name}: error paths graphql-js {theirs["errorPaths"]?.ToJsonString()} ours {ours["errorPaths"]?.ToJsonString()}");
            }
        }

        var summary = $"corpus {corpus.Count}: {syntax} syntax errors ({sameMessage} same message), {invalid} rejected by validation ({sameValidationMessages} with identical messages), {executed} executed; mismatches {mismatches.Count}";
        TestContext.Current.SendDiagnosticMessage(summary);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "bff-graphql-differential.txt"), summary + "\n" + string.Join("\n", mismatches) + "\nmessage differences:\n" + string.Join("\n", messageDifferences));
        Assert.True(mismatches.Count == 0, summary + "\n" + string.Join("\n", mismatches));
        Assert.True(corpus.Count >= 100, summary);
    }

    /// <summary>Type order in __schema.types is an implementation choice, and introspection types carry engine-specific descriptions: compare the rest by name.</summary>
    private static JsonNode? NormalizeIntrospection(JsonNode? data)
    {
        if (data?["__schema"]?["types"] is not JsonArray types)
        {
            return data;
        }

        var copy = data.DeepClone();
        var sorted = types.Where(t => !t!["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal))
            .OrderBy(t => t!["name"]!.GetValue<string>(), StringComparer.Ordinal).Select(t => t!.DeepClone()).ToArray();
        copy["__schema"]!["types"] = new JsonArray(sorted);
        return copy;
    }

    private static async Task<JsonObject> RunOurs(CorpusEntry entry)
    {
        var schema = TestSchema.Create();
        DocumentNode document;
        try
        {
            document = Parser.Parse(entry.Query);
        }
        catch (GraphQLSyntaxException ex)
        {
            return new JsonObject { ["syntaxError"] = ex.Message };
        }

        var failed = new JsonArray();
        foreach (var rule in SpecifiedRules.All)
        {
            if (DocumentValidator.Validate(schema, document, [rule]).Count > 0)
            {
                failed.Add(rule.Name);
            }
        }

        if (failed.Count > 0)
        {
            var messages = DocumentValidator.Validate(schema, document).Select(e => (JsonNode)JsonValue.Create(e.Message)!).OrderBy(m => m.GetValue<string>(), StringComparer.Ordinal).ToArray();
            return new JsonObject { ["rules"] = failed, ["messages"] = new JsonArray(messages) };
        }

        IReadOnlyDictionary<string, object?>? variables = null;
        if (entry.Variables is not null)
        {
            using var doc = JsonDocument.Parse(entry.Variables.ToJsonString());
            variables = (IReadOnlyDictionary<string, object?>?)ValueCoercion.JsonToClr(doc.RootElement);
        }

        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = document, Variables = variables, OperationName = entry.OperationName });
        var json = JsonNode.Parse(result.ToJson())!.AsObject();
        return new JsonObject
        {
            ["rules"] = new JsonArray(),
            ["data"] = json["data"]?.DeepClone(),
            ["errorPaths"] = new JsonArray(result.Errors.Select(e => (JsonNode)JsonValue.Create(string.Join(".", e.Path ?? []))!).OrderBy(n => n.GetValue<string>(), StringComparer.Ordinal).ToArray()),
        };
    }

    private static List<CorpusEntry> LoadCorpus()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Bff.GraphQL.Tests", "Differential", "corpus.graphql");
        var entries = new List<CorpusEntry>();
        var blocks = File.ReadAllText(path).Split("### ", StringSplitOptions.RemoveEmptyEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            var name = lines[0].Trim();
            JsonObject? variables = null;
            string? operationName = null;
            var body = new List<string>();
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("# variables:", StringComparison.Ordinal))
                {
                    variables = JsonNode.Parse(line["# variables:".Length..])!.AsObject();
                }
                else if (line.StartsWith("# operationName:", StringComparison.Ordinal))
                {
                    operationName = JsonNode.Parse(line["# operationName:".Length..])!.GetValue<string>();
                }
                else
                {
                    body.Add(line);
                }
            }

            entries.Add(new CorpusEntry(name, string.Join('\n', body).Trim(), variables, operationName));
        }

        return entries;
    }
}
