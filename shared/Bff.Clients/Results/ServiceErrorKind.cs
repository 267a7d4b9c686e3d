namespace Bff.Clients.Results;

/// <summary>Why a call to a domain service did not produce a value; BFFs branch on it (degrade, 404, retry later).</summary>
public enum ServiceErrorKind
{
    /// <summary>The request was refused as invalid (400, 415, 422), or by the client itself before any call (bad id, limit).</summary>
    BadRequest,

    /// <summary>The resource does not exist (404).</summary>
    NotFound,

    /// <summary>Another 4xx (401, 403, 409...): the service understood and declined.</summary>
    Rejected,

    /// <summary>The service failed or could not be reached (5xx, 429, connection refused or reset).</summary>
    Unavailable,

    /// <summary>No answer within the attempt or total timeout (or a 408).</summary>
    Timeout,

    /// <summary>The circuit of the destination is open: the call was not made.</summary>
    CircuitOpen,

    /// <summary>The service answered success with a body that is not the expected JSON.</summary>
    InvalidResponse,
}
