using Bff.Contracts.Orders;
using Web.Bff.Errors;

namespace Web.Bff.Mutations;

/// <summary>Answer of <c>placeOrder</c>: the order, or why it was not placed.</summary>
internal sealed record PlaceOrderPayload(Order? Order, IReadOnlyList<UserError> UserErrors);
