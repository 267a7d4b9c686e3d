using System.Globalization;
using Bff.GraphQL;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Web.Bff.Schema;

/// <summary>Types shared by every domain: <c>DateTime</c>, <c>Money</c>, <c>PageInfo</c>.</summary>
internal static class CommonTypes
{
    public static SchemaBuilder AddCommonTypes(this SchemaBuilder schema) => schema
        .Scalar(new ScalarType(
            "DateTime",
            "An instant as an ISO-8601 string with offset (UTC), e.g. `2026-11-22T10:15:00.0000000+00:00`.",
            serialize: v => v is DateTimeOffset d ? d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : throw new GraphQLException("DateTime cannot represent a non-date value."),
            parseValue: v => v is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : throw new GraphQLException("DateTime must be an ISO-8601 string."),
            parseLiteral: v => v is StringValueNode s && DateTimeOffset.TryParse(s.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : throw new GraphQLException("DateTime must be an ISO-8601 string.")))
        .Object("Money", t => t
            .Description("An amount of money in a currency.")
            .Data("amount", "Float!", "The amount, with at most 2 decimals.", c => (double)c.Parent<Money>().Amount)
            .Data("currency", "String!", "ISO 4217 currency code, e.g. `EUR`."))
        .Object("PageInfo", t => t
            .Description("Where a connection's page is (Relay cursor connections; forward pagination with `first`/`after`).")
            .Data("hasNextPage", "Boolean!", "True when more items follow `endCursor`.")
            .Data("hasPreviousPage", "Boolean!", "True when this page was asked for with `after`.")
            .Data("startCursor", "String", "Cursor of the first edge; null on an empty page.")
            .Data("endCursor", "String", "Cursor of the last edge: pass it as `after` for the next page; null on an empty page."))
        .Object("UserError", t => t
            .Description("A mistake in a mutation's input that the user can correct; mutations answer them as data in `userErrors`.")
            .Data("field", "[String!]", "Path of the input field at fault, from the argument (`[\"input\", \"items\", \"1\", \"quantity\"]`); null when the whole input is at fault.")
            .Data("message", "String!", "What is wrong, for people.")
            .Data("code", "String!", "What is wrong, for code: `INVALID`, `TOO_MANY`, `DUPLICATE`, `UNKNOWN_PRODUCT`."));

    /// <summary>Declares <c>{name}Connection</c> and <c>{name}Edge</c> over the node type <paramref name="node"/>.</summary>
    public static SchemaBuilder AddConnection(this SchemaBuilder schema, string node, int pageSizeEstimate) => schema
        .Object(node + "Connection", t => t
            .Description($"A page of {node} items (Relay cursor connection).")
            .Data("edges", $"[{node}Edge!]!", "The items of this page with their cursors.", listSize: pageSizeEstimate)
            .Data("nodes", $"[{node}!]!", "The items of this page, without cursors.", listSize: pageSizeEstimate)
            .Data("pageInfo", "PageInfo!", "Where this page is, and the cursor to continue from."))
        .Object(node + "Edge", t => t
            .Description($"One {node} of a page and its cursor.")
            .Data("cursor", "String!", "Opaque position of this item: pass it as `after` to continue after it.")
            .Data("node", node + "!", $"The {node}."));
}
