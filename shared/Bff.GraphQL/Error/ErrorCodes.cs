namespace Bff.GraphQL;

/// <summary>The <c>extensions.code</c> values this engine emits.</summary>
public static class ErrorCodes
{
    public const string SyntaxError = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string InternalError = "INTERNAL_SERVER_ERROR";
    public const string ResolverError = "RESOLVER_ERROR";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string Cancelled = "EXECUTION_CANCELLED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string PersistedQueryNotAllowed = "PERSISTED_QUERY_NOT_ALLOWED";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string TooManyIntrospectionFields = "MAX_INTROSPECTION_FIELDS_EXCEEDED";
    public const string IntrospectionTooDeep = "MAX_INTROSPECTION_DEPTH_EXCEEDED";
    public const string DocumentTooLarge = "MAX_DOCUMENT_SIZE_EXCEEDED";
    public const string TooManyTokens = "MAX_TOKENS_EXCEEDED";
    public const string TooDeep = "MAX_DEPTH_EXCEEDED";
    public const string TooManyAliases = "MAX_ALIASES_EXCEEDED";
    public const string TooComplex = "MAX_COMPLEXITY_EXCEEDED";
    public const string TooManyRootFields = "MAX_ROOT_FIELDS_EXCEEDED";
    public const string TooManyDirectives = "MAX_DIRECTIVES_EXCEEDED";
}
