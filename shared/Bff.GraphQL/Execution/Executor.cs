using Bff.GraphQL.Language;

namespace Bff.GraphQL.Execution;

/// <summary>
/// Executes a parsed document (spec section 6) without validating it: operation selection, variable
/// coercion, then execution. The request pipeline (<see cref="GraphQLRequestExecutor"/>) validates first.
/// </summary>
public static class Executor
{
    public static async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        OperationDefinitionNode? operation = null;
        var operationCount = 0;
        foreach (var definition in request.Document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode op:
                    operationCount++;
                    if (request.OperationName is null ? operation is null : op.Name == request.OperationName)
                    {
                        operation = op;
                    }

                    break;
                case FragmentDefinitionNode fragment:
                    fragments.TryAdd(fragment.Name, fragment);
                    break;
            }
        }

        if (operation is null)
        {
            return ExecutionResult.FromErrors(new GraphQLError(
                request.OperationName is null ? "Must provide an operation." : $"Unknown operation named \"{request.OperationName}\".",
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.OperationNotFound }));
        }

        if (request.OperationName is null && operationCount > 1)
        {
            return ExecutionResult.FromErrors(new GraphQLError(
                "Must provide operation name if query contains multiple operations.",
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.OperationNotFound }));
        }

        var variableErrors = new List<GraphQLError>();
        IReadOnlyDictionary<string, object?> variables;
        try
        {
            variables = VariableCoercion.Coerce(request.Schema, operation, request.Variables, variableErrors);
        }
        catch (GraphQLException ex)
        {
            variableErrors.Add(ex.ToError());
            variables = new Dictionary<string, object?>();
        }

        if (variableErrors.Count > 0)
        {
            return new ExecutionResult { Errors = variableErrors, Operation = operation.Operation };
        }

        var context = new ExecutionContext(request.Schema, operation, fragments, variables, request);
        var data = await context.ExecuteOperationAsync().ConfigureAwait(false);
        return new ExecutionResult { Data = data, HasData = true, Errors = context.Errors, Operation = operation.Operation };
    }
}
