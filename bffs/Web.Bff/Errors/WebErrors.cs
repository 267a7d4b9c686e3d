using Bff.Clients.Results;
using Bff.GraphQL;

namespace Web.Bff.Errors;

/// <summary>Field errors of this BFF, thrown by resolvers and turned by the engine into errors with path and code.</summary>
internal static class WebErrors
{
    /// <summary>The field error for a failed domain call; <c>extensions.service</c> names the service.</summary>
    public static GraphQLException Upstream(ServiceError error)
    {
        var (code, message) = error.Kind switch
        {
            ServiceErrorKind.Timeout => (WebErrorCodes.UpstreamTimeout, $"The {error.Service} service did not answer in time."),
            ServiceErrorKind.NotFound => (WebErrorCodes.NotFound, $"Not found in the {error.Service} service."),
            ServiceErrorKind.BadRequest => (WebErrorCodes.BadUserInput, $"The {error.Service} service refused the request: {error.Message}"),
            ServiceErrorKind.Rejected => (WebErrorCodes.UpstreamRejected, $"The {error.Service} service declined the request."),
            _ => (WebErrorCodes.UpstreamUnavailable, $"The {error.Service} service is unavailable."),
        };
        return new GraphQLException(message, code, extensions: new Dictionary<string, object?> { ["service"] = error.Service });
    }

    public static GraphQLException NotFound(string what, int id) =>
        new($"No {what} with id {id}.", WebErrorCodes.NotFound);

    public static GraphQLException BadArgument(string argument, string message) =>
        new(message, WebErrorCodes.BadUserInput, extensions: new Dictionary<string, object?> { ["argument"] = argument });

    /// <summary>The value of a successful call, or the field error of a failed one.</summary>
    public static T ValueOrThrow<T>(this ServiceResult<T> result) =>
        result.IsSuccess ? result.Value : throw Upstream(result.Error);
}
