using System.Globalization;
using Microsoft.Extensions.Options;
using Partner.Bff.Errors;

namespace Partner.Bff.Paging;

/// <summary>
/// Reads <c>limit</c> and <c>cursor</c> of a list request and builds the <c>next</c> link of its answer. The partner's
/// cursor wraps the domain service's one, so the order is the domain's stable order (orders newest first then id
/// descending, products by id) and a walk sees every item once.
/// </summary>
internal sealed class Pager(CursorCodec codec, IOptions<PagingOptions> options)
{
    public bool TryRead(HttpContext context, string version, string partner, string list, string filters, out PageRequest? page, out IResult? problem)
    {
        page = null;
        problem = null;
        var query = context.Request.Query;
        var max = options.Value.MaxLimit;
        var limit = options.Value.DefaultLimit;
        if (query.TryGetValue("limit", out var limits))
        {
            if (limits.Count != 1 || !int.TryParse(limits[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > max)
            {
                problem = Problems.Problem(
                    StatusCodes.Status400BadRequest,
                    "Invalid limit",
                    $"limit must be an integer from 1 to {max.ToString(CultureInfo.InvariantCulture)}.",
                    ErrorCodes.InvalidLimit);
                return false;
            }
        }

        string? upstream = null;
        if (query.TryGetValue("cursor", out var cursors))
        {
            if (cursors.Count != 1 || !codec.TryDecode(cursors[0] ?? string.Empty, out var position)
                || position!.Version != version || position.Partner != partner || position.List != list || position.Filters != filters)
            {
                problem = Problems.Problem(
                    StatusCodes.Status400BadRequest,
                    "Invalid cursor",
                    "The cursor is not one this list issued for these filters; pass the nextCursor of the previous page unchanged.",
                    ErrorCodes.InvalidCursor);
                return false;
            }

            upstream = position.Upstream;
        }

        page = new PageRequest(version, partner, list, filters, limit, upstream);
        return true;
    }

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public string? NextCursor(PageRequest page, string? upstreamNext) =>
        upstreamNext is null ? null : codec.Encode(new CursorPosition(page.Version, page.Partner, page.List, page.Filters, upstreamNext));

    /// <summary>
    /// The relative URL of the next page (the same path and query with the new cursor), also sent as a
    /// <c>Link: &lt;...&gt;; rel="next"</c> header; null on the last page.
    /// </summary>
    public static string? NextLink(HttpContext context, string? nextCursor)
    {
        if (nextCursor is null)
        {
            return null;
        }

        var query = context.Request.Query
            .Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", nextCursor));
        var link = context.Request.Path + QueryString.Create(query).ToUriComponent();
        context.Response.Headers.Append("Link", $"<{link}>; rel=\"next\"");
        return link;
    }
}
