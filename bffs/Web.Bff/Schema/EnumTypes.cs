using Bff.Contracts.Orders;
using Bff.Contracts.Reviews;
using Bff.GraphQL.Types;

namespace Web.Bff.Schema;

/// <summary>
/// The enums, declared before every type that uses them: the engine builds argument defaults (<c>sort: RECENT</c>)
/// as it meets them, and an enum declared later has no values yet at that point.
/// </summary>
internal static class EnumTypes
{
    public static SchemaBuilder AddEnumTypes(this SchemaBuilder schema) => schema
        .Enum("OrderStatus", e => e
            .Description("Where an order is in its life.")
            .Value("PENDING", OrderStatus.Pending, "Placed, not paid yet.")
            .Value("PAID", OrderStatus.Paid, "Paid, not shipped yet.")
            .Value("SHIPPED", OrderStatus.Shipped, "On its way.")
            .Value("DELIVERED", OrderStatus.Delivered, "Delivered.")
            .Value("CANCELLED", OrderStatus.Cancelled, "Cancelled."))
        .Enum("ReviewSort", e => e
            .Description("Order of a product's reviews.")
            .Value("RECENT", ReviewSort.Recent, "Newest first.")
            .Value("TOP", ReviewSort.Top, "Highest rating first, then newest."));
}
