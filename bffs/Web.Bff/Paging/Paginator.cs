using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Bff.Contracts.Paging;
using Web.Bff.Errors;

namespace Web.Bff.Paging;

/// <summary>
/// Relay cursors over the domain services' page cursors. The services hand out one cursor per page
/// (<c>nextCursor</c>, HMAC-signed and bound to the query's filters); an edge cursor names a position as
/// "item <i>n</i> of the page starting at upstream cursor <i>c</i>", so any edge can be continued after with one
/// call (<c>limit = n + 1 + first</c>, the first <c>n + 1</c> skipped). The last edge of a full page points at
/// the next upstream page itself, so walking page by page never grows the skip.
/// </summary>
internal static class Paginator
{
    /// <summary>Largest <c>first</c> accepted; 50 keeps any window within the services' 100-item limit.</summary>
    public const int MaxFirst = 50;

    private const string Prefix = "v1:";

    /// <summary>Checks <paramref name="first"/> and decodes <paramref name="after"/>; BAD_USER_INPUT when either is wrong.</summary>
    public static PageWindow Window(int first, string? after)
    {
        if (first is < 1 or > MaxFirst)
        {
            throw WebErrors.BadArgument("first", $"\"first\" must be between 1 and {MaxFirst}, got {first}.");
        }

        if (after is null)
        {
            return new PageWindow(first, null, 0, HasAfter: false);
        }

        var (upstream, offset) = Decode(after);
        return new PageWindow(first, upstream, offset + 1, HasAfter: true);
    }

    /// <summary>The connection of the items of <paramref name="page"/> inside <paramref name="window"/>.</summary>
    public static Connection<T> ToConnection<T>(Page<T> page, PageWindow window)
    {
        var items = page.Items.Skip(window.Skip).Take(window.First).ToList();
        var edges = new List<Edge<T>>(items.Count);
        var endsPage = window.Skip + items.Count == page.Items.Count;
        for (var i = 0; i < items.Count; i++)
        {
            var last = i == items.Count - 1;
            var cursor = last && endsPage && page.NextCursor is not null
                ? Encode(page.NextCursor, -1)
                : Encode(window.UpstreamCursor, window.Skip + i);
            edges.Add(new Edge<T>(cursor, items[i]));
        }

        var hasNext = page.NextCursor is not null || !endsPage;
        return new Connection<T>(edges, new PageInfo(hasNext, window.HasAfter, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    private static string Encode(string? upstream, int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture) + ":" + upstream));

    private static (string? Upstream, int Offset) Decode(string cursor)
    {
        string text;
        try
        {
            text = cursor.Length <= 1024 ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)) : string.Empty;
        }
        catch (FormatException)
        {
            text = string.Empty;
        }

        var separator = text.StartsWith(Prefix, StringComparison.Ordinal) ? text.IndexOf(':', Prefix.Length) : -1;
        if (separator > 0
            && int.TryParse(text.AsSpan(Prefix.Length, separator - Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            && offset is >= -1 and < PageWindow.MaxUpstreamLimit - 1)
        {
            var upstream = text[(separator + 1)..];
            if (upstream.Length > 0 || offset >= 0)
            {
                return (upstream.Length == 0 ? null : upstream, offset);
            }
        }

        throw WebErrors.BadArgument("after", "Invalid cursor for \"after\": pass an edge cursor or endCursor from this connection.");
    }
}
