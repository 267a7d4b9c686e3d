using System.Text.Json.Nodes;

namespace Partner.Bff.Tests.OpenApi;

/// <summary>
/// Compares a released OpenAPI document with a candidate and lists what would break a client written against the
/// released one: a removed path, operation, success response, parameter or response field; a retyped parameter or
/// field; a new required parameter, body or body field. Additions (new endpoints, new optional inputs, new response
/// fields) pass. <c>$ref</c>s are resolved within each document.
/// </summary>
public static class CompatibilityChecker
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private const int MaxDepth = 32;

    public static IReadOnlyList<string> FindBreakingChanges(JsonNode released, JsonNode candidate)
    {
        var breaks = new List<string>();
        var oldPaths = released["paths"]?.AsObject() ?? [];
        var newPaths = candidate["paths"]?.AsObject();
        foreach (var (path, oldItem) in oldPaths)
        {
            var newItem = newPaths?[path];
            if (newItem is null)
            {
                breaks.Add($"removed path {path}");
                continue;
            }

            foreach (var method in Methods)
            {
                if (oldItem?[method] is not { } oldOp)
                {
                    continue;
                }

                var where = $"{method.ToUpperInvariant()} {path}";
                if (newItem[method] is not { } newOp)
                {
                    breaks.Add($"removed operation {where}");
                    continue;
                }

                var pair = new Pair(released, candidate, breaks);
                pair.Parameters(where, oldOp, newOp);
                pair.RequestBody(where, oldOp["requestBody"], newOp["requestBody"]);
                pair.Responses(where, oldOp["responses"]?.AsObject(), newOp["responses"]?.AsObject());
            }
        }

        return breaks;
    }

    private sealed record Pair(JsonNode Released, JsonNode Candidate, List<string> Breaks)
    {
        public void Parameters(string where, JsonNode oldOp, JsonNode newOp)
        {
            var oldParams = ParametersOf(Released, oldOp);
            var newParams = ParametersOf(Candidate, newOp);
            foreach (var (key, newParam) in newParams)
            {
                var required = newParam["required"]?.GetValue<bool>() == true;
                var wasRequired = oldParams.TryGetValue(key, out var oldParam) && oldParam["required"]?.GetValue<bool>() == true;
                if (required && !wasRequired)
                {
                    Breaks.Add($"new required parameter {key} in {where}");
                }
            }

            foreach (var (key, oldParam) in oldParams)
            {
                if (!newParams.TryGetValue(key, out var newParam))
                {
                    Breaks.Add($"removed parameter {key} in {where}");
                }
                else if (TypeOf(Released, oldParam["schema"]) != TypeOf(Candidate, newParam["schema"]))
                {
                    Breaks.Add($"retyped parameter {key} in {where}: {TypeOf(Released, oldParam["schema"])} -> {TypeOf(Candidate, newParam["schema"])}");
                }
            }
        }

        public void RequestBody(string where, JsonNode? oldBody, JsonNode? newBody)
        {
            oldBody = Resolve(Released, oldBody);
            newBody = Resolve(Candidate, newBody);
            if (newBody is null)
            {
                return;
            }

            if (newBody["required"]?.GetValue<bool>() == true && oldBody?["required"]?.GetValue<bool>() != true)
            {
                Breaks.Add($"request body became required in {where}");
            }

            var oldSchema = oldBody?["content"]?["application/json"]?["schema"];
            var newSchema = newBody["content"]?["application/json"]?["schema"];
            if (oldSchema is not null && newSchema is not null)
            {
                Schema($"{where} request", oldSchema, newSchema, isRequest: true, depth: 0);
            }
        }

        public void Responses(string where, JsonObject? oldResponses, JsonObject? newResponses)
        {
            foreach (var (status, oldResponse) in oldResponses ?? [])
            {
                if (!status.StartsWith('2'))
                {
                    continue;
                }

                var newResponse = Resolve(Candidate, newResponses?[status]);
                if (newResponse is null)
                {
                    Breaks.Add($"removed response {status} of {where}");
                    continue;
                }

                var oldSchema = Resolve(Released, oldResponse)?["content"]?["application/json"]?["schema"];
                var newSchema = newResponse["content"]?["application/json"]?["schema"];
                if (oldSchema is not null)
                {
                    if (newSchema is null)
                    {
                        Breaks.Add($"removed body of response {status} of {where}");
                    }
                    else
                    {
                        Schema($"{where} {status}", oldSchema, newSchema, isRequest: false, depth: 0);
                    }
                }
            }
        }

        private void Schema(string where, JsonNode oldNode, JsonNode newNode, bool isRequest, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            var oldSchema = Resolve(Released, oldNode)!;
            var newSchema = Resolve(Candidate, newNode)!;
            var (oldType, newType) = (TypeOf(Released, oldSchema), TypeOf(Candidate, newSchema));
            if (oldType != newType)
            {
                Breaks.Add($"retyped {where}: {oldType} -> {newType}");
                return;
            }

            if (oldSchema["items"] is { } oldItems && newSchema["items"] is { } newItems)
            {
                Schema(where + "[]", oldItems, newItems, isRequest, depth + 1);
            }

            var oldProps = oldSchema["properties"]?.AsObject() ?? [];
            var newProps = newSchema["properties"]?.AsObject() ?? [];
            var oldRequired = Names(oldSchema["required"]);
            foreach (var (name, oldProp) in oldProps)
            {
                if (newProps[name] is { } newProp)
                {
                    Schema($"{where}.{name}", oldProp!, newProp, isRequest, depth + 1);
                }
                else
                {
                    Breaks.Add($"removed {(isRequest ? "input" : "field")} {where}.{name}");
                }
            }

            if (isRequest)
            {
                foreach (var name in Names(newSchema["required"]).Except(oldRequired))
                {
                    Breaks.Add($"new required input {where}.{name}");
                }
            }
        }

        private static Dictionary<string, JsonNode> ParametersOf(JsonNode document, JsonNode operation) =>
            (operation["parameters"]?.AsArray() ?? [])
                .Select(p => Resolve(document, p)!)
                .ToDictionary(p => $"{p["in"]}:{p["name"]}", p => p, StringComparer.Ordinal);

        private static HashSet<string> Names(JsonNode? array) =>
            [.. array?.AsArray().Select(n => n!.GetValue<string>()) ?? []];
    }

    /// <summary>A schema's kind: its sorted types and format, or its alternatives, with <c>$ref</c>s followed.</summary>
    internal static string TypeOf(JsonNode document, JsonNode? schema, int depth = 0)
    {
        schema = Resolve(document, schema);
        if (schema is null || depth > MaxDepth)
        {
            return "any";
        }

        foreach (var combiner in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combiner] is JsonArray alternatives)
            {
                return combiner + "(" + string.Join("|", alternatives.Select(a => TypeOf(document, a, depth + 1)).Order(StringComparer.Ordinal)) + ")";
            }
        }

        var types = schema["type"] switch
        {
            JsonArray many => (IEnumerable<string>)many.Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal),
            JsonValue one => [one.GetValue<string>()],
            _ => schema["properties"] is not null ? ["object"] : Array.Empty<string>(),
        };
        var text = string.Join("|", types);
        return schema["format"] is { } format ? $"{text}:{format}" : text.Length == 0 ? "any" : text;
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (var hops = 0; node?["$ref"] is JsonValue reference && hops < MaxDepth; hops++)
        {
            var target = document;
            foreach (var segment in reference.GetValue<string>().TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            node = target;
        }

        return node;
    }
}
