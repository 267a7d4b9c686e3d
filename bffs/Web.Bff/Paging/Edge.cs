namespace Web.Bff.Paging;

/// <summary>One item of a connection with the cursor that continues after it.</summary>
internal sealed record Edge<T>(string Cursor, T Node);
