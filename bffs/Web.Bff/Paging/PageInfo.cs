namespace Web.Bff.Paging;

/// <summary>Relay's <c>PageInfo</c>: forward pagination only (<c>first</c>/<c>after</c>).</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
