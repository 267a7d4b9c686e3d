using System.Text.Json;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Bff.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (graphql-over-http spec): GET and POST, <c>application/graphql-response+json</c> and
/// <c>application/json</c> responses with the spec's status codes, persisted queries and the allow-list.
/// </summary>
internal sealed class GraphQLHttpHandler(GraphQLRequestExecutor executor, IPersistedQueryStore store, ILogger logger)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    private readonly HashSet<string> _trustedHashes = executor.Options.TrustedDocuments.Select(PersistedQueries.Hash).ToHashSet(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await Refuse(context, StatusCodes.Status405MethodNotAllowed, Json, "Only GET and POST are supported.", ErrorCodes.BadUserInput);
            return;
        }

        var mediaType = Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await Refuse(context, StatusCodes.Status406NotAcceptable, Json, "Accept must allow application/graphql-response+json or application/json.", ErrorCodes.BadUserInput);
            return;
        }

        var (parsed, failure) = isGet ? ReadQueryString(request) : await ReadBodyAsync(request, executor.Options.MaxRequestBytes, context.RequestAborted);
        if (failure is not null)
        {
            await Refuse(context, failure.Value.Status, mediaType, failure.Value.Message, ErrorCodes.BadUserInput);
            return;
        }

        var (query, apqError) = PersistedQueries.Resolve(parsed!.Query, parsed.Extensions, executor.Options, store, _trustedHashes);
        if (apqError is not null)
        {
            var status = apqError.Code == ErrorCodes.PersistedQueryNotFound ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await Write(context, status, mediaType, ExecutionResult.FromErrors(apqError));
            return;
        }

        if (query is null)
        {
            await Refuse(context, StatusCodes.Status400BadRequest, mediaType, "Must provide query string.", ErrorCodes.BadUserInput);
            return;
        }

        if (isGet && executor.GetOperationType(query, parsed.OperationName) is OperationType.Mutation)
        {
            context.Response.Headers.Allow = "POST";
            await Refuse(context, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations can only be sent with POST.", ErrorCodes.BadUserInput);
            return;
        }

        var items = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(HttpContext)] = context };
        var result = await executor.ExecuteAsync(
            new GraphQLRequest { Query = query, OperationName = parsed.OperationName, Variables = parsed.Variables, Extensions = parsed.Extensions },
            context.RequestServices,
            context.RequestAborted,
            items);
        foreach (var error in result.Errors)
        {
            if (error.Exception is { } ex and not GraphQLException)
            {
                Log.FieldFailed(logger, ex, string.Join('.', error.Path ?? []));
            }
        }

        // graphql-response+json: a request that never reached execution is a client error (4xx); application/json: always 200.
        var code = result.HasData || mediaType == Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await Write(context, code, mediaType, result);
    }

    private static string? Negotiate(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return Json;
        }

        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1))
        {
            if (range.Quality == 0 || (range.Charset.HasValue && !range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var type = range.MediaType.Value;
            if (string.Equals(type, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return Json;
            }
        }

        return null;
    }

    private static (GraphQLRequest? Request, (int Status, string Message)? Failure) ReadQueryString(HttpRequest request)
    {
        var q = request.Query;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        if (q.TryGetValue("variables", out var v) && !string.IsNullOrEmpty(v) && !TryParseObject(v!, out variables))
        {
            return (null, (StatusCodes.Status400BadRequest, "The variables parameter must be a JSON object."));
        }

        if (q.TryGetValue("extensions", out var e) && !string.IsNullOrEmpty(e) && !TryParseObject(e!, out extensions))
        {
            return (null, (StatusCodes.Status400BadRequest, "The extensions parameter must be a JSON object."));
        }

        var query = q.TryGetValue("query", out var qs) && !string.IsNullOrEmpty(qs) ? qs.ToString() : null;
        var operationName = q.TryGetValue("operationName", out var op) && !string.IsNullOrEmpty(op) ? op.ToString() : null;
        return (new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    private static bool TryParseObject(string json, out IReadOnlyDictionary<string, object?>? value)
    {
        value = null;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            value = ValueCoercion.JsonToClr(doc.RootElement) as IReadOnlyDictionary<string, object?>;
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<(GraphQLRequest? Request, (int Status, string Message)? Failure)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, (StatusCodes.Status415UnsupportedMediaType, "POST requests must have Content-Type: application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {maxBytes} bytes."));
        }

        JsonDocument doc;
        try
        {
            using var limited = new LimitedStream(request.Body, maxBytes);
            doc = await JsonDocument.ParseAsync(limited, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, (StatusCodes.Status400BadRequest, "The request body is not valid JSON: " + ex.Message));
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {maxBytes} bytes."));
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, (StatusCodes.Status400BadRequest, "The request body must be a JSON object."));
            }

            string? query = null;
            string? operationName = null;
            IReadOnlyDictionary<string, object?>? variables = null;
            IReadOnlyDictionary<string, object?>? extensions = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "query":
                        if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        {
                            return (null, (StatusCodes.Status400BadRequest, "The query parameter must be a string."));
                        }

                        query = property.Value.GetString();
                        break;
                    case "operationName":
                        if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        {
                            return (null, (StatusCodes.Status400BadRequest, "The operationName parameter must be a string."));
                        }

                        operationName = property.Value.GetString();
                        break;
                    case "variables":
                        if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                        {
                            return (null, (StatusCodes.Status400BadRequest, "The variables parameter must be a JSON object."));
                        }

                        variables = ValueCoercion.JsonToClr(property.Value) as IReadOnlyDictionary<string, object?>;
                        break;
                    case "extensions":
                        if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                        {
                            return (null, (StatusCodes.Status400BadRequest, "The extensions parameter must be a JSON object."));
                        }

                        extensions = ValueCoercion.JsonToClr(property.Value) as IReadOnlyDictionary<string, object?>;
                        break;
                }
            }

            return (new GraphQLRequest { Query = string.IsNullOrEmpty(query) ? null : query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
        }
    }

    private Task Refuse(HttpContext context, int status, string mediaType, string message, string code)
    {
        Log.RequestRefused(logger, message);
        return Write(context, status, mediaType, ExecutionResult.FromErrors(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code })));
    }

    private static async Task Write(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await ResultJsonWriter.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
