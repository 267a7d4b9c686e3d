namespace Web.Bff.Paging;

/// <summary>A Relay connection (https://relay.dev/graphql/connections.htm): one page of edges and where it is.</summary>
internal sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo)
{
    /// <summary>The items without their cursors (the <c>nodes</c> shortcut).</summary>
    public IReadOnlyList<T> Nodes => [.. Edges.Select(e => e.Node)];
}
