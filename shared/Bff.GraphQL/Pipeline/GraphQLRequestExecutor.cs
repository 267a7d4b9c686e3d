using System.Collections.Concurrent;
using System.Text;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Pipeline;
using Bff.GraphQL.Types;
using Bff.GraphQL.Validation;

namespace Bff.GraphQL;

/// <summary>
/// The request pipeline: size check -> parse (token and nesting limits) -> validate (cached per document) ->
/// operation limits -> coerce variables -> execute with a timeout. Anything refused before execution
/// answers with errors and no data, and no resolver runs.
/// </summary>
public sealed class GraphQLRequestExecutor
{
    private readonly ConcurrentDictionary<string, CachedDocument> _cache = new(StringComparer.Ordinal);

    public GraphQLRequestExecutor(Schema schema, GraphQLOptions? options = null)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Options = options ?? new GraphQLOptions();
    }

    public Schema Schema { get; }

    public GraphQLOptions Options { get; }

    /// <summary>Parses, validates and executes a request.</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, IServiceProvider? services = null, CancellationToken cancellationToken = default, IDictionary<string, object?>? items = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request.Query, request.OperationName);
        if (prepared.Errors.Count > 0 || prepared.Document is null)
        {
            return ExecutionResult.FromErrors(prepared.Errors);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.ExecutionTimeout > TimeSpan.Zero && Options.ExecutionTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(Options.ExecutionTimeout);
        }

        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema,
            Document = prepared.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Services = services,
            Items = items,
            CancellationToken = timeout.Token,
        }).ConfigureAwait(false);

        if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var errors = result.Errors.ToList();
            errors.Add(new GraphQLError($"Execution exceeded the timeout of {Options.ExecutionTimeout.TotalSeconds:0.###} s.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.Timeout }));
            return new ExecutionResult { Data = result.Data, HasData = result.HasData, Errors = errors, Operation = result.Operation };
        }

        return result;
    }

    /// <summary>Finds which operation a request would run without executing it (for GET mutation checks); null if it cannot be told.</summary>
    public OperationType? GetOperationType(string? query, string? operationName)
    {
        var prepared = Prepare(query, operationName);
        return prepared.Document is null ? null : SelectOperation(prepared.Document, operationName)?.Operation;
    }

    /// <summary>Parse + validate + limits, cached by query text (limits depend on the operation name, so that is part of the key).</summary>
    internal CachedDocument Prepare(string? query, string? operationName)
    {
        if (string.IsNullOrEmpty(query))
        {
            return new CachedDocument(null, [new GraphQLError("Must provide query string.", extensions: Code(ErrorCodes.BadUserInput))]);
        }

        var key = operationName is null ? query : operationName + "\u0000" + query;
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var prepared = PrepareUncached(query, operationName);
        if (Options.DocumentCacheSize > 0)
        {
            if (_cache.Count >= Options.DocumentCacheSize)
            {
                // Simple bound: start over rather than track recency; hot documents come back at once.
                _cache.Clear();
            }

            _cache.TryAdd(key, prepared);
        }

        return prepared;
    }

    private CachedDocument PrepareUncached(string query, string? operationName)
    {
        if (Encoding.UTF8.GetByteCount(query) > Options.MaxDocumentBytes)
        {
            return new CachedDocument(null, [new GraphQLError($"Document is larger than the maximum of {Options.MaxDocumentBytes} bytes.", extensions: Code(ErrorCodes.DocumentTooLarge))]);
        }

        DocumentNode document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { MaxTokens = Options.MaxTokens, MaxNestingDepth = Math.Max(Options.MaxDepth * 2, 32) });
        }
        catch (GraphQLSyntaxException ex)
        {
            return new CachedDocument(null, [ex.ToError()]);
        }

        // Limits first: they are linear and bound the work validation (OverlappingFields) may do.
        var operation = SelectOperation(document, operationName);
        if (operation is not null && OperationLimits.Check(Schema, document, operation, Options) is { } limitError)
        {
            return new CachedDocument(null, [limitError]);
        }

        var errors = DocumentValidator.Validate(Schema, document);
        return errors.Count > 0 ? new CachedDocument(null, errors) : new CachedDocument(document, []);
    }

    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? found = null;
        foreach (var d in document.Definitions)
        {
            if (d is OperationDefinitionNode op)
            {
                if (operationName is null)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = op;
                }
                else if (op.Name == operationName)
                {
                    return op;
                }
            }
        }

        return found;
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
