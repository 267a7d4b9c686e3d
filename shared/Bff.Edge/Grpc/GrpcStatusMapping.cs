using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Grpc;

/// <summary>
/// gRPC status codes to HTTP statuses, as google/rpc/code.proto and grpc-gateway map them (docs/edge.md, "JSON to
/// gRPC", has the table).
/// </summary>
internal static class GrpcStatusMapping
{
    /// <summary>Non-standard "client closed request" (nginx, grpc-gateway) for CANCELLED.</summary>
    public const int ClientClosedRequest = 499;

    private static readonly (string Name, int Http)[] Codes =
    [
        ("OK", StatusCodes.Status200OK),
        ("CANCELLED", ClientClosedRequest),
        ("UNKNOWN", StatusCodes.Status500InternalServerError),
        ("INVALID_ARGUMENT", StatusCodes.Status400BadRequest),
        ("DEADLINE_EXCEEDED", StatusCodes.Status504GatewayTimeout),
        ("NOT_FOUND", StatusCodes.Status404NotFound),
        ("ALREADY_EXISTS", StatusCodes.Status409Conflict),
        ("PERMISSION_DENIED", StatusCodes.Status403Forbidden),
        ("RESOURCE_EXHAUSTED", StatusCodes.Status429TooManyRequests),
        ("FAILED_PRECONDITION", StatusCodes.Status400BadRequest),
        ("ABORTED", StatusCodes.Status409Conflict),
        ("OUT_OF_RANGE", StatusCodes.Status400BadRequest),
        ("UNIMPLEMENTED", StatusCodes.Status501NotImplemented),
        ("INTERNAL", StatusCodes.Status500InternalServerError),
        ("UNAVAILABLE", StatusCodes.Status503ServiceUnavailable),
        ("DATA_LOSS", StatusCodes.Status500InternalServerError),
        ("UNAUTHENTICATED", StatusCodes.Status401Unauthorized),
    ];

    /// <summary>UNAVAILABLE: the one status that says the destination, not the request, is at fault.</summary>
    public const int Unavailable = 14;

    /// <summary>The code's name and HTTP status; a code outside 0..16 is UNKNOWN's 500.</summary>
    public static (string Name, int HttpStatus) Map(int code) =>
        code >= 0 && code < Codes.Length ? Codes[code] : ($"CODE_{code}", StatusCodes.Status500InternalServerError);
}
