namespace Partner.Bff.Errors;

/// <summary>
/// The RFC 9457 problem document of every error (<c>application/problem+json</c>), as the OpenAPI documents
/// describe it: the standard members plus a stable <c>code</c> and, for invalid bodies, the failing fields.
/// </summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">A short summary of the kind of problem.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong with this request.</param>
/// <param name="Code">The stable, documented error code to branch on (for example <c>invalid_cursor</c>).</param>
/// <param name="Errors">For <c>invalid_body</c>, <c>unknown_field</c> and <c>order_rejected</c>: JSON path of each failing field to its messages.</param>
internal sealed record PartnerProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Code,
    IReadOnlyDictionary<string, string[]>? Errors = null);
